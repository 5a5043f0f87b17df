import { useCallback, useEffect, useMemo, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Language } from '../i18n';
import { CustomerFinder, type Found } from './CustomerFinder';

type Profile = Answer<components['schemas']['CustomerBook.Profile']>;

/** The chain's customers: find one, then their visits, spend, no-shows, recent bookings and the staff's notes. */
export function Customers({ client, say, language }: { client: Api; say: Say; language: Language }) {
  const [picked, setPicked] = useState<Found | null>(null);
  return (
    <section aria-label={say('customers')} className="customers">
      <CustomerFinder client={client} say={say} onPick={setPicked} />
      {picked && <CustomerProfile key={picked.id} client={client} id={picked.id} say={say} language={language} />}
    </section>
  );
}

function CustomerProfile({ client, id, say, language }: { client: Api; id: string; say: Say; language: Language }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const date = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    [language]);

  const load = useCallback(() => {
    client.GET('/api/v1/customers/{id}', { params: { path: { id } } }).then(({ data, error }) => {
      if (data) {
        setProfile(data as Profile);
      } else {
        setProblem(problemText(error));
      }
    }, (error: unknown) => setProblem(String(error)));
  }, [client, id]);
  useEffect(load, [load]);

  const addNote = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.POST('/api/v1/customers/{id}/notes', {
      params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { text: note } });
    if (response.ok) {
      setNote('');
      setKey(crypto.randomUUID());
      setProblem(null);
      load();
    } else {
      setProblem(problemText(error));
    }
  };

  if (!profile) {
    return problem ? <p role="alert" className="problem">{problem}</p> : <p>{say('loading')}</p>;
  }
  const spend = profile.spend.length === 0 ? '0' : profile.spend.map((money) => money.amount + ' ' + money.currency)
    .join(', ');
  return (
    <article className="profile" aria-labelledby="profile-name" id="customer-profile">
      <h2 id="profile-name">{profile.name}</h2>
      <p>{[profile.phone, profile.email].filter(Boolean).join(' · ')}</p>
      <dl className="figures">
        <div><dt>{say('visits')}</dt><dd id="profile-visits">{profile.visits}</dd></div>
        <div><dt>{say('spend')}</dt><dd id="profile-spend">{spend}</dd></div>
        <div><dt>{say('noShows')}</dt><dd id="profile-no-shows">{profile.noShows}</dd></div>
        <div><dt>{say('cancellations')}</dt><dd>{profile.cancellations}</dd></div>
        <div><dt>{say('upcoming')}</dt><dd>{profile.upcoming}</dd></div>
        <div><dt>{say('lastVisit')}</dt><dd>{profile.lastVisit ? date.format(new Date(profile.lastVisit)) : '—'}</dd>
        </div>
      </dl>
      <h3>{say('recentBookings')}</h3>
      {profile.bookings.length === 0 ? <p>{say('noBookings')}</p> : (
        <table className="list">
          <thead><tr><th scope="col">{say('when')}</th><th scope="col">{say('statusWord')}</th>
            <th scope="col">{say('price')}</th></tr></thead>
          <tbody>
            {profile.bookings.map((visit) => (
              <tr key={visit.id}>
                <td>{date.format(new Date(visit.start))}</td>
                <td>{say(('status_' + visit.status) as Parameters<Say>[0])}</td>
                <td>{visit.price.amount} {visit.price.currency}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{say('notes')}</h3>
      <form onSubmit={(event) => void addNote(event)} className="note-form">
        <label>{say('addNote')}<textarea id="note-text" required maxLength={2000} value={note}
          onChange={(event) => setNote(event.target.value)} /></label>
        <button type="submit" id="add-note">{say('save')}</button>
      </form>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <ul className="notes">
        {profile.notes.map((written) => (
          <li key={written.id}><p className="note-text">{written.text}</p>
            <p className="quiet">{written.author} · {date.format(new Date(written.at))}</p></li>
        ))}
      </ul>
    </article>
  );
}
