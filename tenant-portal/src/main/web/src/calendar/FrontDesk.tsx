import { useEffect, useRef, useState } from 'react';
import { createCalendar, destroyCalendar, Interaction, ResourceTimeGrid, type Calendar } from '@event-calendar/core';
import '@event-calendar/core/index.css';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Me, Say } from '../App';
import type { Language } from '../i18n';
import { fromWallClock, isoDate, toWallClock } from '../time';
import { NewBooking, type Opening } from '../desk/NewBooking';
import { BookingPayments } from '../desk/BookingPayments';
import { followChanges } from '../desk/changes';

type Location = Answer<components['schemas']['LocationView']>;
type Staff = Answer<components['schemas']['StaffView']>;
type Entry = Answer<components['schemas']['StaffBookings.DiaryEntry']>;
type Service = Answer<components['schemas']['ServiceView']>;
type Working = Answer<components['schemas']['Diary.WorkingTimeView']>;
type Resource = Answer<components['schemas']['ResourceView']>;

/** The statuses the grid shows, each with its colour (cancelled and expired bookings leave the grid). */
const COLOURS: Record<string, string> = {
  HELD: '#8a6d1f',
  PENDING_PAYMENT: '#8a6d1f',
  CONFIRMED: '#1d5fa8',
  CHECKED_IN: '#7a3fa0',
  COMPLETED: '#2d7a3a',
  NO_SHOW: '#5c5c5c',
};

/** What the calendar keeps of a booking's item. */
interface Item {
  entry: Entry;
  index: number;
  /** From the booking's start to this item's, in milliseconds. */
  offset: number;
}

/**
 * The front desk's calendar: a day or week of one salon, a column per stylist (a stylist sees only their own), the
 * bookings coloured by status. A confirmed booking that has not started is dragged to another time or stylist; the
 * reschedule endpoint decides, and a refusal puts it back and says why. A click on a booking shows it and the
 * steps it can take next (and its payments); a click on an empty time books there, and a walk-in books from now. The
 * desk can also lay the day out by the salon's resources (chairs, basins, rooms): each visit's item in the column of
 * the resource it holds, as the availability engine assigned it.
 */
export function FrontDesk({ client, me, say, language }: { client: Api; me: Me; say: Say; language: Language }) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [locationId, setLocationId] = useState<string>('');
  const [staff, setStaff] = useState<Staff[]>([]);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [chosen, setChosen] = useState<Item | null>(null);
  const [opening, setOpening] = useState<Opening | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [resources, setResources] = useState<Resource[]>([]);
  const [byResource, setByResource] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  // the day (or week) and view shown, kept when the calendar is made anew (another language, salon or staff list)
  const shown = useRef<{ date: Date; view: string } | null>(null);
  const stylist = me.role === 'STYLIST';

  useEffect(() => {
    client.GET('/api/v1/locations').then(({ data }) => {
      const found = (data ?? []) as Location[];
      setLocations(found);
      if (found.length > 0) {
        setLocationId(found[0].id);
      }
    });
    client.GET('/api/v1/staff').then(({ data }) => setStaff((data ?? []) as Staff[]));
    if (!stylist) {
      client.GET('/api/v1/services').then(({ data }) => setServices((data ?? []) as Service[]));
      client.GET('/api/v1/resources').then(({ data }) => setResources((data ?? []) as Resource[]));
    }
  }, [client, stylist]);

  const location = locations.find((found) => found.id === locationId);
  const zone = location?.timezone ?? 'UTC';
  const working = staff
    .filter((member) => member.status === 'ACTIVE' && member.locationIds.includes(locationId))
    .filter((member) => (stylist ? member.id === me.staffId : member.role === 'STYLIST' || member.role === 'OWNER'
      || member.role === 'MANAGER'));
  const held = resources.filter((resource) => resource.active && resource.locationId === locationId);
  const columns = byResource
    ? held.map((resource) => ({ id: resource.id, title: resource.name + ' · ' + resource.type }))
    : working.map((member) => ({ id: member.id, title: member.name }));

  useEffect(() => {
    if (!host.current || !location) {
      return undefined;
    }
    const load = async (info: Calendar.FetchInfo): Promise<Calendar.EventInput[]> => {
      const last = new Date(info.end.getTime() - 24 * 3600 * 1000);
      const query = { from: isoDate(info.start), to: isoDate(last), locationId: location.id };
      const [diary, hours] = await Promise.all([client.GET('/api/v1/bookings', { params: { query } }),
        byResource ? Promise.resolve(null) : client.GET('/api/v1/bookings/working-time', { params: { query } })]);
      if (!diary.data) {
        throw new Error(problemText(diary.error));
      }
      const entries = diary.data as Entry[];
      if (byResource) {
        return entries.flatMap((entry) => events(entry, zone, say, true));
      }
      const shaded = hours?.data ? offTime(hours.data as Working, columns.map((column) => column.id), info.start,
        info.end, zone) : [];
      return [...shaded, ...entries.flatMap((entry) => events(entry, zone, say))];
    };
    const sameZone = Intl.DateTimeFormat().resolvedOptions().timeZone === zone;
    const made = createCalendar(host.current, [ResourceTimeGrid, Interaction], {
      view: shown.current?.view ?? 'resourceTimeGridDay',
      // the salon's today, and its now line only where the browser's clock is the salon's
      date: shown.current?.date ?? toWallClock(new Date(), zone),
      datesSet: (info) => {
        shown.current = { date: info.view.currentStart, view: info.view.type };
      },
      locale: language,
      // salons' weeks start on Monday, in China as in Europe
      firstDay: 1,
      headerToolbar: { start: 'prev,today,next', center: 'title', end: 'resourceTimeGridDay,resourceTimeGridWeek' },
      buttonText: (text) => ({ ...text, today: say('today'), resourceTimeGridDay: say('day'),
        resourceTimeGridWeek: say('week') }),
      resources: columns,
      eventSources: [{ events: load }],
      slotMinTime: '07:00',
      slotMaxTime: '22:00',
      slotDuration: '00:15',
      scrollTime: '09:00',
      allDaySlot: false,
      nowIndicator: sameZone,
      height: '720px',
      // what a visit holds follows from its time and stylist: it is moved in the stylists' columns
      eventStartEditable: !stylist && !byResource,
      eventDurationEditable: false,
      eventClick: (info) => {
        setOpening(null);
        setChosen(info.event.extendedProps['item'] as Item);
      },
      dateClick: (info) => {
        if (stylist) {
          return;
        }
        setChosen(null);
        setOpening({ start: fromWallClock(info.date, zone),
          staffId: info.resource && !byResource ? String(info.resource.id) : null });
      },
      eventDrop: (info) => {
        const item = info.event.extendedProps['item'] as Item;
        const start = new Date(fromWallClock(info.event.start, zone).getTime() - item.offset);
        const staffIds: (string | null)[] = item.entry.items.map(() => null);
        if (info.newResource && info.newResource.id !== info.oldResource?.id) {
          staffIds[item.index] = String(info.newResource.id);
        }
        client.POST('/api/v1/bookings/{id}/reschedule', { params: { path: { id: item.entry.id } },
          // null keeps an item's stylist: the API takes it, the description's list of ids cannot say so
          body: { start: start.toISOString(), staffIds: staffIds as string[] } }).then(({ error, response }) => {
          if (response.ok) {
            setMessage({ text: say('moved'), problem: false });
            made.refetchEvents();
          } else {
            info.revert();
            setMessage({ text: say('moveRefused', problemText(error)), problem: true });
          }
        }, (error: unknown) => {
          info.revert();
          setMessage({ text: say('moveRefused', String(error)), problem: true });
        });
      },
    });
    calendar.current = made;
    const tidy = new MutationObserver(() => tidyAria(host.current, say('frontDesk')));
    tidy.observe(host.current, { subtree: true, childList: true, attributes: true,
      attributeFilter: ['role', ...TABLE_ATTRIBUTES] });
    tidyAria(host.current, say('frontDesk'));
    return () => {
      tidy.disconnect();
      calendar.current = null;
      void destroyCalendar(made);
    };
    // the columns are derived from staff and location, which are the dependencies
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, location, staff, resources, byResource, language, say, stylist, zone]);

  // what is booked, moved or cancelled elsewhere shows at once: a change read again, a burst of them once
  const [live, setLive] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    let timer: number | undefined;
    followChanges(client, () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => calendar.current?.refetchEvents(), 150);
    }, setLive, stop.signal);
    return () => {
      window.clearTimeout(timer);
      stop.abort();
    };
  }, [client]);

  const step = async (path: '/api/v1/bookings/{id}/check-in' | '/api/v1/bookings/{id}/complete'
    | '/api/v1/bookings/{id}/no-show', item: Item) => {
    const { error, response } = await client.POST(path, { params: { path: { id: item.entry.id } } });
    setMessage(response.ok ? null : { text: say('stepRefused', problemText(error)), problem: true });
    setChosen(null);
    calendar.current?.refetchEvents();
  };

  const cancel = async (item: Item, chargeFee: boolean) => {
    const { error, response } = await client.POST('/api/v1/bookings/{id}/cancel', {
      params: { path: { id: item.entry.id } }, body: { chargeFee } });
    setMessage(response.ok ? null : { text: say('stepRefused', problemText(error)), problem: true });
    setChosen(null);
    calendar.current?.refetchEvents();
  };

  return (
    <section aria-label={say('frontDesk')}>
      <div className="toolbar">
        <label>
          {say('location')}{' '}
          <select id="location" value={locationId} onChange={(event) => {
            // another salon may be in another zone: its own today
            shown.current = null;
            setLocationId(event.target.value);
          }}>
            {locations.map((found) => <option key={found.id} value={found.id}>{found.name}</option>)}
          </select>
        </label>
        {!stylist && <button type="button" id="walk-in" onClick={() => { setChosen(null);
          setOpening({ start: null, staffId: null }); }}>{say('walkIn')}</button>}
        {!stylist && <div role="group" aria-label={say('columnsBy')} className="segmented">
          <button type="button" id="by-stylist" aria-pressed={!byResource}
            onClick={() => setByResource(false)}>{say('byStylist')}</button>
          <button type="button" id="by-resource" aria-pressed={byResource}
            onClick={() => setByResource(true)}>{say('byResource')}</button>
        </div>}
        <span id="live" className={live ? 'live on' : 'live'}>{live ? say('live') : say('notLive')}</span>
        <ul className="legend" aria-label={say('legend')}>
          {Object.entries(COLOURS).filter(([status]) => status !== 'HELD').map(([status, colour]) => (
            <li key={status}><span className="swatch" style={{ background: colour }} />
              {say(('status_' + status) as Parameters<Say>[0])}</li>
          ))}
          <li><span className="swatch off-time" />{say('offTime')}</li>
        </ul>
      </div>
      {message && <p role={message.problem ? 'alert' : 'status'} id="message"
        className={message.problem ? 'problem' : 'notice'}>{message.text}</p>}
      {location && columns.length === 0 && <p>{say(byResource ? 'noResources' : 'nothingToday')}</p>}
      <div ref={host} id="calendar" />
      {chosen && <BookingPanel item={chosen} zone={zone} say={say} language={language} stylist={stylist}
        onClose={() => setChosen(null)} onStep={(path) => void step(path, chosen)}
        onCancel={(fee) => void cancel(chosen, fee)}>
        {!stylist && <BookingPayments client={client} entry={chosen.entry} say={say} language={language}
          mayRefund={me.role === 'OWNER' || me.role === 'MANAGER'} />}
      </BookingPanel>}
      {opening && location && <NewBooking client={client} opening={opening} locationId={location.id} zone={zone}
        stylists={working} services={services} say={say} language={language} onClose={() => setOpening(null)}
        onBooked={() => {
          setOpening(null);
          setMessage({ text: say('booked'), problem: false });
          calendar.current?.refetchEvents();
        }} />}
    </section>
  );
}

/**
 * The calendar component marks its box, toolbar included, as a table whose rows sit among landmarks and event
 * buttons, so assistive technology cannot follow them (axe: aria-required-children). Its grid is offered as one
 * named region instead, reachable by keyboard (it scrolls), its stylists' names and bookings as plain text and
 * buttons in reading order.
 */
const TABLE_ROLES = ['table', 'rowgroup', 'row', 'columnheader', 'rowheader', 'cell', 'gridcell'];
const TABLE_ATTRIBUTES = ['aria-colindex', 'aria-rowindex', 'aria-colcount', 'aria-rowcount', 'aria-colspan',
  'aria-rowspan'];

function tidyAria(host: HTMLElement | null, label: string): void {
  if (!host) {
    return;
  }
  host.querySelectorAll('[role]').forEach((element) => {
    if (TABLE_ROLES.includes(element.getAttribute('role') ?? '')) {
      element.removeAttribute('role');
    }
  });
  host.querySelectorAll(TABLE_ATTRIBUTES.map((name) => '[' + name + ']').join(',')).forEach((element) => {
    TABLE_ATTRIBUTES.forEach((name) => element.removeAttribute(name));
  });
  host.querySelectorAll('.ec-main header, .ec-main aside, .ec-main section').forEach((element) => {
    if (element.getAttribute('role') !== 'presentation') {
      element.setAttribute('role', 'presentation');
    }
  });
  const grid = host.querySelector<HTMLElement>('.ec-main');
  if (grid && grid.getAttribute('role') !== 'region') {
    grid.setAttribute('role', 'region');
    grid.setAttribute('aria-label', label);
    grid.tabIndex = 0;
  }
}

/**
 * The time each column's stylist does not work, from {@code start} to {@code end} (the calendar's wall-clock days), as
 * shaded background: outside shifts and opening hours, breaks, time off, closures and holidays.
 */
function offTime(working: Working, columns: string[], start: Date, end: Date, zone: string): Calendar.EventInput[] {
  const shaded: Calendar.EventInput[] = [];
  for (const id of columns) {
    const spans = (working.staff.find((member) => member.staffId === id)?.working ?? [])
      .map((span) => [toWallClock(span.start, zone).getTime(), toWallClock(span.end, zone).getTime()] as const)
      .sort((a, b) => a[0] - b[0]);
    let from = start.getTime();
    const until = end.getTime();
    for (const [opens, closes] of spans) {
      if (opens > from) {
        shaded.push(background(id, from, Math.min(opens, until)));
      }
      from = Math.max(from, closes);
    }
    if (from < until) {
      shaded.push(background(id, from, until));
    }
  }
  return shaded;
}

function background(resource: string, from: number, until: number): Calendar.EventInput {
  return { id: 'off:' + resource + ':' + from, resourceIds: [resource], start: new Date(from), end: new Date(until),
    display: 'background', classNames: ['off-time'] };
}

/**
 * The calendar's events of one diary entry: one per item, in its stylist's column, at the salon's wall clock — or,
 * {@code byResource}, one per resource an item holds, in that resource's column (not moved there: what a visit holds
 * follows from its time and stylist).
 */
function events(entry: Entry, zone: string, say: Say, byResource = false): Calendar.EventInput[] {
  if (!(entry.status in COLOURS)) {
    return [];
  }
  const movable = !byResource && entry.status === 'CONFIRMED' && new Date(entry.start).getTime() > Date.now();
  const spans = byResource
    ? (entry.resources ?? []).map((time) => ({ column: time.resourceId, index: time.item, start: time.start,
      end: time.end, id: entry.id + ':' + time.item + ':' + time.resourceId }))
    : entry.items.map((item, index) => ({ column: item.staffId, index, start: item.start, end: item.end,
      id: entry.id + ':' + index }));
  return spans.map((span) => ({
    id: span.id,
    resourceIds: [span.column],
    start: toWallClock(span.start, zone),
    end: toWallClock(span.end, zone),
    title: entry.customer?.name ?? say('guest'),
    startEditable: movable,
    backgroundColor: COLOURS[entry.status],
    classNames: ['booking', ...(byResource ? ['held'] : []), 'status-' + entry.status.toLowerCase()],
    extendedProps: { item: { entry, index: span.index,
      offset: new Date(entry.items[span.index].start).getTime() - new Date(entry.start).getTime() } },
  }));
}

function BookingPanel({ item, zone, say, language, stylist, onClose, onStep, onCancel, children }: {
  item: Item; zone: string; say: Say; language: Language; stylist: boolean; onClose: () => void;
  children?: React.ReactNode;
  onStep: (path: '/api/v1/bookings/{id}/check-in' | '/api/v1/bookings/{id}/complete'
    | '/api/v1/bookings/{id}/no-show') => void;
  onCancel: (chargeFee: boolean) => void;
}) {
  const { entry } = item;
  const time = new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  const status = entry.status;
  return (
    <aside className="panel" aria-labelledby="panel-title" id="booking-panel">
      <h2 id="panel-title">{say('booking')} · {say(('status_' + status) as Parameters<Say>[0])}</h2>
      <dl>
        <dt>{say('customer')}</dt><dd id="panel-customer">{entry.customer?.name ?? say('guest')}
          {entry.customer?.phone ? ' · ' + entry.customer.phone : ''}</dd>
        <dt>{say('when')}</dt><dd>{time.format(new Date(entry.start))}</dd>
        <dt>{say('price')}</dt><dd>{entry.price.amount} {entry.price.currency}</dd>
        {entry.note && <><dt>{say('note')}</dt><dd>{entry.note}</dd></>}
      </dl>
      <div className="actions">
        {status === 'CONFIRMED' && <button type="button" id="check-in"
          onClick={() => onStep('/api/v1/bookings/{id}/check-in')}>{say('checkIn')}</button>}
        {(status === 'CONFIRMED' || status === 'CHECKED_IN') && <button type="button" id="complete"
          onClick={() => onStep('/api/v1/bookings/{id}/complete')}>{say('complete')}</button>}
        {status === 'CONFIRMED' && !stylist && <button type="button" id="no-show"
          onClick={() => onStep('/api/v1/bookings/{id}/no-show')}>{say('noShow')}</button>}
        {(status === 'CONFIRMED' || status === 'CHECKED_IN') && !stylist && <>
          <button type="button" id="cancel" onClick={() => onCancel(false)}>{say('cancel')}</button>
          <button type="button" id="cancel-fee" onClick={() => onCancel(true)}>{say('cancelWithFee')}</button>
        </>}
        <button type="button" id="close-panel" onClick={onClose}>{say('close')}</button>
      </div>
      {children}
    </aside>
  );
}
