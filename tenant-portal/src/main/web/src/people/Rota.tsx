import { useCallback, useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Key } from '../i18n';
import { fromWallClock } from '../time';
import { DAYS, formatRanges, parseRanges } from '../ranges';

type Staff = Answer<components['schemas']['StaffView']>;
type Location = Answer<components['schemas']['LocationView']>;
type Span = components['schemas']['ScheduleRequest.Span'];
type Schedule = Answer<components['schemas']['Schedule.ScheduleView']>;
type TimeOff = Answer<components['schemas']['TimeOff.TimeOffView']>;
type ExtraShift = Answer<components['schemas']['ExtraShift.ExtraShiftView']>;

/** "09:00-13:00, 14:00-18:00" for a day's spans. */
function written(spans: Span[], day: string): string {
  return formatRanges(spans.filter((span) => span.day === day));
}

/** The spans a day's text names, or the text that is not a span. */
function read(text: string, day: string): Span[] | string {
  const ranges = parseRanges(text);
  return typeof ranges === 'string' ? ranges : ranges.map((range) => ({ day, ...range }));
}

/**
 * One member's rota at one of their salons: each weekday's shifts and breaks as wall-clock ranges of the salon
 * ("09:00-13:00, 14:00-18:00"; empty for a day off), saved as the week it replaces; and their time off, added in the
 * salon's time and removed.
 */
export function Rota({ client, member, locations, say, language, onClose }: {
  client: Api; member: Staff; locations: Location[]; say: Say; language: string; onClose: () => void;
}) {
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [shifts, setShifts] = useState<Record<string, string>>({});
  const [breaks, setBreaks] = useState<Record<string, string>>({});
  const [timeOff, setTimeOff] = useState<TimeOff[]>([]);
  const [extras, setExtras] = useState<ExtraShift[]>([]);
  const [extra, setExtra] = useState({ date: '', start: '', end: '' });
  const [offStart, setOffStart] = useState('');
  const [offEnd, setOffEnd] = useState('');
  const [offReason, setOffReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // a word's key, so that it follows a language switch
  const [notice, setNotice] = useState<Key | null>(null);
  useEffect(() => {
    // the salons may arrive after the rota opened
    if (!locations.some((found) => found.id === locationId) && locations.length > 0) {
      setLocationId(locations[0].id);
    }
  }, [locations, locationId]);
  const zone = locations.find((found) => found.id === locationId)?.timezone ?? 'UTC';
  const time = new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(() => {
    if (!locationId) {
      return;
    }
    client.GET('/api/v1/staff/{id}/schedule', { params: { path: { id: member.id }, query: { locationId } } })
      .then(({ data }) => {
        const week = data as Schedule | undefined;
        setShifts(Object.fromEntries(DAYS.map((day) => [day, written(week?.weekly ?? [], day)])));
        setBreaks(Object.fromEntries(DAYS.map((day) => [day, written(week?.breaks ?? [], day)])));
      });
    client.GET('/api/v1/staff/{id}/time-off', { params: { path: { id: member.id } } })
      .then(({ data }) => setTimeOff((data ?? []) as TimeOff[]));
    client.GET('/api/v1/staff/{id}/extra-shifts', { params: { path: { id: member.id } } })
      .then(({ data }) => setExtras(((data ?? []) as ExtraShift[]).filter((one) => one.locationId === locationId)));
  }, [client, member.id, locationId]);
  useEffect(load, [load]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const weekly: Span[] = [];
    const rests: Span[] = [];
    for (const day of DAYS) {
      for (const [text, into] of [[shifts[day] ?? '', weekly], [breaks[day] ?? '', rests]] as const) {
        const spans = read(text, day);
        if (typeof spans === 'string') {
          setProblem(say('notARange', spans));
          return;
        }
        into.push(...spans);
      }
    }
    const { error, response } = await client.PUT('/api/v1/staff/{id}/schedule', {
      params: { path: { id: member.id } }, body: { locationId, weekly, breaks: rests } });
    setProblem(response.ok ? null : problemText(error));
    setNotice(response.ok ? 'saved' : null);
    if (response.ok) {
      load();
    }
  };

  const addTimeOff = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.POST('/api/v1/staff/{id}/time-off', {
      params: { path: { id: member.id } }, body: { start: fromWallClock(new Date(offStart), zone).toISOString(),
        end: fromWallClock(new Date(offEnd), zone).toISOString(), reason: offReason } });
    setProblem(response.ok ? null : problemText(error));
    if (response.ok) {
      setOffStart('');
      setOffEnd('');
      setOffReason('');
      setNotice('saved');
      load();
    }
  };

  const addExtra = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.POST('/api/v1/staff/{id}/extra-shifts', {
      params: { path: { id: member.id } }, body: { locationId, date: extra.date, start: extra.start, end: extra.end } });
    setProblem(response.ok ? null : problemText(error));
    if (response.ok) {
      setExtra({ date: '', start: '', end: '' });
      setNotice('saved');
      load();
    }
  };

  const removeExtra = async (id: string) => {
    const { error, response } = await client.DELETE('/api/v1/staff/{id}/extra-shifts/{shiftId}', {
      params: { path: { id: member.id, shiftId: id } } });
    setProblem(response.ok ? null : problemText(error));
    load();
  };

  const removeTimeOff = async (id: string) => {
    const { error, response } = await client.DELETE('/api/v1/staff/{id}/time-off/{timeOffId}', {
      params: { path: { id: member.id, timeOffId: id } } });
    setProblem(response.ok ? null : problemText(error));
    load();
  };

  return (
    <section className="editor" id="rota" aria-labelledby="rota-title">
      <h2 id="rota-title">{say('rota')} · {member.name}</h2>
      {locations.length === 0 ? <p>{say('noSalon')}</p> : (
        <form onSubmit={(event) => void save(event)}>
          <label>{say('location')}{' '}<select id="rota-location" value={locationId}
            onChange={(event) => setLocationId(event.target.value)}>
            {locations.map((found) => <option key={found.id} value={found.id}>{found.name}</option>)}
          </select></label>
          <p className="quiet">{say('rotaHelp')}</p>
          <table className="list rota">
            <thead><tr><th scope="col">{say('dayWord')}</th><th scope="col">{say('shifts')}</th>
              <th scope="col">{say('breaks')}</th></tr></thead>
            <tbody>
              {DAYS.map((day) => (
                <tr key={day}>
                  <th scope="row">{say(('day_' + day) as Parameters<Say>[0])}</th>
                  <td data-label={say('shifts')}><input id={'shifts-' + day} aria-label={say('shifts') + ' ' + say(('day_' + day) as
                    Parameters<Say>[0])} value={shifts[day] ?? ''} placeholder="09:00-18:00"
                    onChange={(event) => setShifts({ ...shifts, [day]: event.target.value })} /></td>
                  <td data-label={say('breaks')}><input id={'breaks-' + day} aria-label={say('breaks') + ' ' + say(('day_' + day) as
                    Parameters<Say>[0])} value={breaks[day] ?? ''} placeholder="13:00-14:00"
                    onChange={(event) => setBreaks({ ...breaks, [day]: event.target.value })} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="submit" id="save-rota">{say('save')}</button>
            <button type="button" onClick={onClose}>{say('close')}</button>
          </div>
        </form>
      )}
      {notice && <p role="status" className="notice">{say(notice)}</p>}
      {problem && <p role="alert" className="problem" id="rota-problem">{problem}</p>}
      <h3>{say('extraShifts')}</h3>
      <ul className="notes" id="extra-shift-list">
        {extras.map((one) => (
          <li key={one.id}>{one.date} · {one.start}–{one.end}{' '}
            <button type="button" className="link" onClick={() => void removeExtra(one.id)}>{say('remove')}</button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void addExtra(event)} className="grid">
        <label>{say('dayWord')}<input id="extra-date" type="date" required value={extra.date}
          onChange={(event) => setExtra({ ...extra, date: event.target.value })} /></label>
        <label>{say('from')}<input id="extra-start" type="time" required value={extra.start}
          onChange={(event) => setExtra({ ...extra, start: event.target.value })} /></label>
        <label>{say('until')}<input id="extra-end" type="time" required value={extra.end}
          onChange={(event) => setExtra({ ...extra, end: event.target.value })} /></label>
        <button type="submit" id="add-extra-shift">{say('addExtraShift')}</button>
      </form>
      <h3>{say('timeOff')}</h3>
      <ul className="notes" id="time-off-list">
        {timeOff.map((off) => (
          <li key={off.id}>{time.format(new Date(off.start))} – {time.format(new Date(off.end))}
            {off.reason ? ' · ' + off.reason : ''}{' '}
            <button type="button" className="link" onClick={() => void removeTimeOff(off.id)}>{say('remove')}</button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void addTimeOff(event)} className="grid">
        <label>{say('from')}<input id="off-start" type="datetime-local" required value={offStart}
          onChange={(event) => setOffStart(event.target.value)} /></label>
        <label>{say('until')}<input id="off-end" type="datetime-local" required value={offEnd}
          min={offStart || undefined} onChange={(event) => setOffEnd(event.target.value)} /></label>
        <label>{say('reason')}<input id="off-reason" maxLength={200} value={offReason}
          onChange={(event) => setOffReason(event.target.value)} /></label>
        <button type="submit" id="add-time-off">{say('addTimeOff')}</button>
      </form>
    </section>
  );
}
