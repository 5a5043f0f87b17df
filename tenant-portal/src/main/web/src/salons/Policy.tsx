import { useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Key as Word } from '../i18n';

type Settings = Answer<components['schemas']['BookingPolicy.Settings']>;
type Key = keyof Settings;

const FIELDS: { key: Key; min: number; max: number }[] = [
  { key: 'slotStepMinutes', min: 5, max: 240 }, { key: 'leadTimeMinutes', min: 0, max: 43_200 },
  { key: 'horizonDays', min: 1, max: 730 }, { key: 'holdMinutes', min: 1, max: 60 },
  { key: 'freeCancellationHours', min: 0, max: 720 }, { key: 'lateCancellationFeePercent', min: 0, max: 100 },
  { key: 'noShowFeePercent', min: 0, max: 100 },
];

/** The chain's booking policy: the grid of start times, lead time, horizon, holds, and what late changes cost. */
export function Policy({ client, say }: { client: Api; say: Say }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // a word's key, so that it follows a language switch
  const [notice, setNotice] = useState<Word | null>(null);

  useEffect(() => {
    client.GET('/api/v1/booking-policy').then(({ data }) => {
      if (data) {
        setValues(Object.fromEntries(FIELDS.map(({ key }) => [key, String((data as Settings)[key])])));
      }
    });
  }, [client]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(FIELDS.map(({ key }) => [key, Number(values[key])])) as Settings;
    const { error, response } = await client.PUT('/api/v1/booking-policy', { body });
    setProblem(response.ok ? null : problemText(error));
    setNotice(response.ok ? 'saved' : null);
  };

  return (
    <form className="editor" onSubmit={(event) => void save(event)} aria-labelledby="policy-title" id="policy-form">
      <h2 id="policy-title">{say('bookingPolicy')}</h2>
      <div className="grid">
        {FIELDS.map(({ key, min, max }) => (
          <label key={key}>{say(('policy_' + key) as Parameters<Say>[0])}<input id={'policy-' + key} type="number"
            required min={min} max={max} value={values[key] ?? ''}
            onChange={(event) => setValues({ ...values, [key]: event.target.value })} /></label>
        ))}
      </div>
      {problem && <p role="alert" className="problem">{problem}</p>}
      {notice && <p role="status" className="notice">{say(notice)}</p>}
      <div className="actions"><button type="submit" id="save-policy">{say('save')}</button></div>
    </form>
  );
}
