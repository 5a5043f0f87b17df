import { useCallback, useEffect, useMemo, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Language } from '../i18n';

type Delivery = Answer<components['schemas']['DeliveryLog.Delivery']>;
type Words = Parameters<Say>[0];

const CHANNELS = ['EMAIL', 'SMS', 'WECHAT'];
const STATUSES = ['SENT', 'PENDING', 'SKIPPED'];

/**
 * The chain's delivery log: what was sent to whom, when, by which channel, and how it went (newest first, the latest
 * 200), narrowed by channel and outcome.
 */
export function DeliveryLog({ client, say, language }: { client: Api; say: Say; language: Language }) {
  const [entries, setEntries] = useState<Delivery[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const date = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    [language]);

  const load = useCallback(() => {
    client.GET('/api/v1/notifications', { params: { query: { limit: 200 } } }).then(({ data, error }) => {
      if (data) {
        setEntries(data as Delivery[]);
        setProblem(null);
      } else {
        setProblem(problemText(error));
      }
    }, (error: unknown) => setProblem(String(error)));
  }, [client]);
  useEffect(load, [load]);

  const shown = (entries ?? []).filter((entry) => (channel === '' || entry.channel === channel)
    && (status === '' || entry.status === status));
  return (
    <section aria-label={say('deliveryLog')} className="delivery-log">
      <p>{say('deliveryLogHelp')}</p>
      <div className="filters">
        <label>{say('channel')}{' '}
          <select id="log-channel" value={channel} onChange={(event) => setChannel(event.target.value)}>
            <option value="">{say('all')}</option>
            {CHANNELS.map((each) => <option key={each} value={each}>{say(('channel_' + each) as Words)}</option>)}
          </select>
        </label>
        <label>{say('outcome')}{' '}
          <select id="log-status" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{say('all')}</option>
            {STATUSES.map((each) => <option key={each} value={each}>{say(('delivery_' + each) as Words)}</option>)}
          </select>
        </label>
        <button type="button" onClick={load}>{say('refresh')}</button>
      </div>
      {problem && <p role="alert" className="problem">{problem}</p>}
      {entries === null && !problem && <p>{say('loading')}</p>}
      {entries !== null && shown.length === 0 && <p>{say('nothingSent')}</p>}
      {shown.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={say('deliveryLog')}>
          <table id="delivery-log" className="list">
            <thead>
              <tr>
                <th scope="col">{say('when')}</th>
                <th scope="col">{say('message')}</th>
                <th scope="col">{say('channel')}</th>
                <th scope="col">{say('recipient')}</th>
                <th scope="col">{say('outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.id}>
                  <td>{date.format(new Date(entry.createdAt))}</td>
                  <td>
                    <span className="kind">{say(('notification_' + entry.kind) as Words)}</span>
                    {entry.subject && <span className="subject">{entry.subject}</span>}
                  </td>
                  <td>{say(('channel_' + entry.channel) as Words)}</td>
                  <td>{entry.recipient ?? '—'}</td>
                  <td>
                    <span className={'delivery delivery-' + entry.status}>{say(('delivery_' + entry.status) as Words)}</span>
                    {entry.error && <span className="why">{entry.error}</span>}
                    {entry.attempts > 1 && <span className="why">{say('attempts', String(entry.attempts))}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
