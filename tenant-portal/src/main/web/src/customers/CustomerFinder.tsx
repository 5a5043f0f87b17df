import { useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';

export type Found = Answer<components['schemas']['CustomerBook.Found']>;

/** A search box over the chain's customers (name, email or phone), answering as one types, each found one to pick. */
export function CustomerFinder({ client, say, onPick }: { client: Api; say: Say; onPick: (found: Found) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length === 0) {
      setFound([]);
      return undefined;
    }
    // wait for a pause in typing; a newer question makes the older answer moot
    let current = true;
    const timer = window.setTimeout(() => {
      client.GET('/api/v1/customers', { params: { query: { q: query } } }).then(({ data, error }) => {
        if (!current) {
          return;
        }
        setProblem(data ? null : problemText(error));
        setFound((data ?? []) as Found[]);
      }, (error: unknown) => current && setProblem(String(error)));
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [client, text]);

  return (
    <div className="finder">
      <label>{say('findCustomer')}
        <input id="customer-search" type="search" maxLength={100} value={text} autoComplete="off"
          onChange={(event) => setText(event.target.value)} /></label>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <ul className="found" aria-live="polite">
        {found.map((customer) => (
          <li key={customer.id}>
            <button type="button" className="found-customer" onClick={() => onPick(customer)}>
              {customer.name}{customer.phone ? ' · ' + customer.phone : ''}{customer.email ? ' · ' + customer.email : ''}
            </button>
          </li>
        ))}
      </ul>
      {text.trim() && found.length === 0 && !problem && <p className="quiet">{say('noneFound')}</p>}
    </div>
  );
}
