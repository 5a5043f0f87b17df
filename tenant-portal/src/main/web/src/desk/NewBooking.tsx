import { useMemo, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Language } from '../i18n';
import { CustomerFinder, type Found } from '../customers/CustomerFinder';

type Staff = Answer<components['schemas']['StaffView']>;
type Service = Answer<components['schemas']['ServiceView']>;

/** Where the desk is booking: a time and stylist clicked in the calendar, or a walk-in starting now. */
export interface Opening {
  /** The instant clicked; null for a walk-in. */
  start: Date | null;
  staffId: string | null;
}

/**
 * Booking a client in from the front desk: a customer found in the chain's book or a guest by name (and phone), the
 * services, the stylist; at the time clicked in the calendar or, for a walk-in, now. The portal decides (taken time
 * is refused and said); the form keeps one idempotency key, so pressing twice books once.
 */
export function NewBooking({ client, opening, locationId, zone, stylists, services, say, language, onBooked,
  onClose }: {
  client: Api; opening: Opening; locationId: string; zone: string; stylists: Staff[]; services: Service[];
  say: Say; language: Language; onBooked: () => void; onClose: () => void;
}) {
  const key = useMemo(() => crypto.randomUUID(), []);
  const [staffId, setStaffId] = useState(opening.staffId ?? stylists[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [who, setWho] = useState<'guest' | 'customer'>('guest');
  const [customer, setCustomer] = useState<Found | null>(null);
  const [guestName, setGuestName] = useState('');
  const [guestPhone, setGuestPhone] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const stylist = stylists.find((member) => member.id === staffId);
  const offered = services.filter((service) => service.active && (stylist?.serviceIds.includes(service.id) ?? false));
  const time = new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  const walkIn = opening.start === null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem(say('pickService'));
      return;
    }
    if (who === 'customer' && !customer) {
      setProblem(say('pickCustomer'));
      return;
    }
    setBusy(true);
    const body = {
      locationId,
      items: chosen.map((serviceId) => ({ serviceId, staffId })),
      ...(who === 'customer' && customer ? { customerId: customer.id }
        : { guest: { name: guestName, ...(guestPhone ? { phone: guestPhone } : {}) } }),
      ...(note ? { note } : {}),
    };
    const header = { 'Idempotency-Key': key };
    const { error, response } = walkIn
      ? await client.POST('/api/v1/walk-ins', { params: { header }, body })
      : await client.POST('/api/v1/bookings', { params: { header },
        body: { ...body, start: (opening.start as Date).toISOString() } });
    setBusy(false);
    if (response.ok) {
      onBooked();
    } else {
      setProblem(problemText(error));
    }
  };

  return (
    <aside className="panel" aria-labelledby="new-title" id="new-booking">
      <h2 id="new-title">{walkIn ? say('walkIn') : say('newBooking')}</h2>
      <p>{walkIn ? say('startsNow') : time.format(opening.start as Date)}</p>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{say('customer')}</legend>
          <label><input type="radio" name="who" checked={who === 'guest'} onChange={() => setWho('guest')} />
            {' '}{say('guest')}</label>{' '}
          <label><input type="radio" name="who" id="who-customer" checked={who === 'customer'}
            onChange={() => setWho('customer')} />{' '}{say('knownCustomer')}</label>
          {who === 'guest'
            ? <div className="fields">
                <label>{say('guestName')}<input id="guest-name" required maxLength={200} value={guestName}
                  onChange={(event) => setGuestName(event.target.value)} /></label>
                <label>{say('phone')}<input id="guest-phone" type="tel" maxLength={40} value={guestPhone}
                  onChange={(event) => setGuestPhone(event.target.value)} /></label>
              </div>
            : customer
              ? <p id="chosen-customer">{customer.name} {customer.phone ?? customer.email ?? ''}{' '}
                  <button type="button" className="link" onClick={() => setCustomer(null)}>{say('change')}</button></p>
              : <CustomerFinder client={client} say={say} onPick={setCustomer} />}
        </fieldset>
        <label>{say('stylist')}{' '}
          <select id="new-stylist" value={staffId} onChange={(event) => { setStaffId(event.target.value);
            setChosen([]); }}>
            {stylists.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>{say('services')}</legend>
          {offered.length === 0 && <p>{say('noServices')}</p>}
          {offered.map((service) => (
            <label key={service.id} className="choice">
              <input type="checkbox" checked={chosen.includes(service.id)} onChange={(event) => setChosen(
                event.target.checked ? [...chosen, service.id] : chosen.filter((id) => id !== service.id))} />
              {' '}{service.name} · {service.durationMinutes} min · {service.price.amount} {service.price.currency}
            </label>
          ))}
        </fieldset>
        <label>{say('note')}<textarea id="new-note" maxLength={400} value={note}
          onChange={(event) => setNote(event.target.value)} /></label>
        {problem && <p role="alert" className="problem" id="new-problem">{problem}</p>}
        <div className="actions">
          <button type="submit" id="book" disabled={busy}>{say('book')}</button>
          <button type="button" onClick={onClose}>{say('close')}</button>
        </div>
      </form>
    </aside>
  );
}
