import { useCallback, useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Me, Say } from '../App';
import type { Key } from '../i18n';

type Service = Answer<components['schemas']['ServiceView']>;
type Staff = Answer<components['schemas']['StaffView']>;
type Request = components['schemas']['ServiceRequest'];
type Performer = Answer<components['schemas']['Performer.PerformerView']>;
type DepositType = 'NONE' | 'FIXED' | 'PERCENT' | 'FULL';

/** The form's fields, as typed (numbers as text until sent). */
interface Draft {
  name: string;
  category: string;
  description: string;
  duration: string;
  processingOffset: string;
  processing: string;
  bufferBefore: string;
  bufferAfter: string;
  price: string;
  deposit: DepositType;
  depositAmount: string;
  depositPercent: string;
  onlineBookable: boolean;
  active: boolean;
  staffIds: string[];
  resourceTypes: string;
  /** Per performer: their own minutes and price, as typed (empty for the service's). */
  terms: Record<string, { minutes: string; price: string }>;
}

const EMPTY: Draft = { name: '', category: '', description: '', duration: '30', processingOffset: '0',
  processing: '0', bufferBefore: '0', bufferAfter: '0', price: '', deposit: 'NONE', depositAmount: '',
  depositPercent: '', onlineBookable: true, active: true, staffIds: [], resourceTypes: '', terms: {} };

function draftOf(service: Service): Draft {
  return { name: service.name, category: service.category ?? '', description: service.description ?? '',
    duration: String(service.durationMinutes), processingOffset: String(service.processingOffsetMinutes ?? 0),
    processing: String(service.processingMinutes ?? 0), bufferBefore: String(service.bufferBeforeMinutes ?? 0),
    bufferAfter: String(service.bufferAfterMinutes ?? 0), price: String(service.price.amount),
    deposit: (service.deposit?.type ?? 'NONE') as DepositType,
    depositAmount: service.deposit?.amount ? String(service.deposit.amount.amount) : '',
    depositPercent: service.deposit?.percent ? String(service.deposit.percent) : '',
    onlineBookable: service.onlineBookable, active: service.active, staffIds: service.staffIds ?? [],
    resourceTypes: (service.resourceTypes ?? []).join(', '), terms: {} };
}

/**
 * The chain's services for owners and managers: the list, and a form to add one or change one — category,
 * duration, processing time (the stylist is free meanwhile), buffers, price, the deposit asked online, whether it is
 * bookable online, who performs it. The portal checks every field and says what is wrong.
 */
export function Services({ client, me, say }: { client: Api; me: Me; say: Say }) {
  const currency = me.tenant?.currency ?? 'GBP';
  const [services, setServices] = useState<Service[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  // a word's key, so that it follows a language switch
  const [notice, setNotice] = useState<Key | null>(null);

  const load = useCallback(() => {
    client.GET('/api/v1/services').then(({ data }) => setServices((data ?? []) as Service[]));
    client.GET('/api/v1/staff').then(({ data }) => setStaff(((data ?? []) as Staff[])
      .filter((member) => member.status !== 'DISABLED')));
  }, [client]);
  useEffect(load, [load]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  /** Opens the form on {@code service} once its performers' own terms are read (so nothing typed is overwritten). */
  const edit = (service: Service) => {
    setNotice(null);
    setProblem(null);
    client.GET('/api/v1/services/{id}/performers', { params: { path: { id: service.id } } }).then(({ data }) => {
      const terms: Draft['terms'] = {};
      for (const performer of (data ?? []) as Performer[]) {
        terms[performer.staffId] = { minutes: performer.durationMinutes ? String(performer.durationMinutes) : '',
          price: performer.price ? String(performer.price.amount) : '' };
      }
      setDraft({ ...draftOf(service), terms });
      setEditing(service.id);
    }, (error: unknown) => setProblem(String(error)));
  };
  const number = (text: string) => (text.trim() === '' ? 0 : Number(text));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const body: Request = {
      name: draft.name, category: draft.category, description: draft.description,
      durationMinutes: number(draft.duration), processingOffsetMinutes: number(draft.processingOffset),
      processingMinutes: number(draft.processing), bufferBeforeMinutes: number(draft.bufferBefore),
      bufferAfterMinutes: number(draft.bufferAfter), price: { amount: number(draft.price), currency },
      deposit: { type: draft.deposit,
        ...(draft.deposit === 'FIXED' ? { amount: { amount: number(draft.depositAmount), currency } } : {}),
        ...(draft.deposit === 'PERCENT' ? { percent: number(draft.depositPercent) } : {}) },
      onlineBookable: draft.onlineBookable, staffIds: draft.staffIds,
      resourceTypes: draft.resourceTypes.split(',').map((type) => type.trim().toLowerCase()).filter(Boolean),
    };
    const { data, error, response } = editing === 'new'
      ? await client.POST('/api/v1/services', { body })
      : await client.PATCH('/api/v1/services/{id}', { params: { path: { id: editing as string } },
        body: { ...body, active: draft.active } });
    if (response.ok && data) {
      // each performer's own terms, where given
      const id = (data as Service).id;
      for (const staffId of draft.staffIds) {
        const own = draft.terms[staffId];
        if (!own || (own.minutes.trim() === '' && own.price.trim() === '')) {
          continue;
        }
        const terms = { ...(own.minutes.trim() ? { durationMinutes: Number(own.minutes) } : {}),
          ...(own.price.trim() ? { price: { amount: Number(own.price), currency } } : {}) };
        const set = await client.PUT('/api/v1/services/{id}/performers/{staffId}', {
          params: { path: { id, staffId } }, body: terms });
        if (!set.response.ok) {
          setEditing(id);
          setProblem(problemText(set.error));
          load();
          return;
        }
      }
    }
    if (response.ok) {
      setEditing(null);
      setProblem(null);
      setNotice('saved');
      load();
    } else {
      setProblem(problemText(error));
    }
  };

  return (
    <section aria-label={say('services')} className="catalog">
      <div className="toolbar">
        <button type="button" id="add-service" onClick={() => { setDraft(EMPTY); setEditing('new'); setNotice(null);
          setProblem(null); }}>{say('addService')}</button>
        {notice && <p role="status" className="notice">{say(notice)}</p>}
      </div>
      {editing && (
        <form onSubmit={(event) => void save(event)} className="editor" id="service-form"
          aria-labelledby="service-form-title">
          <h2 id="service-form-title">{editing === 'new' ? say('addService') : say('changeService')}</h2>
          <div className="grid">
            <label>{say('name')}<input id="service-name" required maxLength={200} value={draft.name}
              onChange={(event) => set('name', event.target.value)} /></label>
            <label>{say('category')}<input id="service-category" maxLength={120} value={draft.category}
              onChange={(event) => set('category', event.target.value)} /></label>
            <label>{say('durationMinutes')}<input id="service-duration" type="number" min={5} max={720} required
              value={draft.duration} onChange={(event) => set('duration', event.target.value)} /></label>
            <label>{say('price')} ({currency})<input id="service-price" inputMode="decimal" required
              value={draft.price} onChange={(event) => set('price', event.target.value)} /></label>
            <label>{say('processingOffset')}<input type="number" min={0} value={draft.processingOffset}
              onChange={(event) => set('processingOffset', event.target.value)} /></label>
            <label>{say('processingMinutes')}<input type="number" min={0} value={draft.processing}
              onChange={(event) => set('processing', event.target.value)} /></label>
            <label>{say('bufferBefore')}<input type="number" min={0} value={draft.bufferBefore}
              onChange={(event) => set('bufferBefore', event.target.value)} /></label>
            <label>{say('bufferAfter')}<input type="number" min={0} value={draft.bufferAfter}
              onChange={(event) => set('bufferAfter', event.target.value)} /></label>
            <label>{say('deposit')}<select id="service-deposit" value={draft.deposit}
              onChange={(event) => set('deposit', event.target.value as DepositType)}>
              {(['NONE', 'FIXED', 'PERCENT', 'FULL'] as DepositType[]).map((type) => (
                <option key={type} value={type}>{say(('deposit_' + type) as Parameters<Say>[0])}</option>))}
            </select></label>
            {draft.deposit === 'FIXED' && <label>{say('depositAmount')} ({currency})<input inputMode="decimal"
              required value={draft.depositAmount} onChange={(event) => set('depositAmount', event.target.value)} />
            </label>}
            {draft.deposit === 'PERCENT' && <label>{say('depositPercent')}<input type="number" min={1} max={100}
              required value={draft.depositPercent} onChange={(event) => set('depositPercent', event.target.value)} />
            </label>}
          </div>
          <label>{say('description')}<textarea maxLength={2000} value={draft.description}
            onChange={(event) => set('description', event.target.value)} /></label>
          <label className="choice"><input type="checkbox" checked={draft.onlineBookable}
            onChange={(event) => set('onlineBookable', event.target.checked)} /> {say('onlineBookable')}</label>
          {editing !== 'new' && <label className="choice"><input type="checkbox" checked={draft.active}
            onChange={(event) => set('active', event.target.checked)} /> {say('active')}</label>}
          <fieldset>
            <legend>{say('performedBy')}</legend>
            {staff.filter((member) => member.role !== 'RECEPTIONIST').map((member) => (
              <label key={member.id} className="choice"><input type="checkbox"
                checked={draft.staffIds.includes(member.id)} onChange={(event) => set('staffIds', event.target.checked
                  ? [...draft.staffIds, member.id] : draft.staffIds.filter((id) => id !== member.id))} />
                {' '}{member.name}</label>
            ))}
          </fieldset>
          {draft.staffIds.length > 0 && (
            <fieldset>
              <legend>{say('ownTerms')}</legend>
              {staff.filter((member) => draft.staffIds.includes(member.id)).map((member) => {
                const own = draft.terms[member.id] ?? { minutes: '', price: '' };
                const put = (change: Partial<typeof own>) => set('terms', { ...draft.terms,
                  [member.id]: { ...own, ...change } });
                return (
                  <div key={member.id} className="grid">
                    <label>{member.name} · {say('durationMinutes')}<input type="number" min={5} max={720}
                      value={own.minutes} onChange={(event) => put({ minutes: event.target.value })} /></label>
                    <label>{member.name} · {say('price')} ({currency})<input inputMode="decimal" value={own.price}
                      onChange={(event) => put({ price: event.target.value })} /></label>
                  </div>
                );
              })}
            </fieldset>
          )}
          <label>{say('resourcesNeeded')}<input id="service-resources" value={draft.resourceTypes}
            placeholder="basin" onChange={(event) => set('resourceTypes', event.target.value)} /></label>
          {problem && <p role="alert" className="problem" id="service-problem">{problem}</p>}
          <div className="actions">
            <button type="submit" id="save-service">{say('save')}</button>
            <button type="button" onClick={() => setEditing(null)}>{say('close')}</button>
          </div>
        </form>
      )}
      <div className="scroll" tabIndex={0} role="region" aria-label={say('services') + ' · ' + say('table')}>
      <table className="list" id="service-list">
        <thead><tr><th scope="col">{say('name')}</th><th scope="col">{say('category')}</th>
          <th scope="col">{say('durationMinutes')}</th><th scope="col">{say('price')}</th>
          <th scope="col">{say('onlineBookable')}</th><th scope="col"><span className="hidden">{say('change')}</span></th>
        </tr></thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.id} className={service.active ? '' : 'inactive'}>
              <td>{service.name}{service.active ? '' : ' (' + say('inactive') + ')'}</td>
              <td>{service.category}</td><td>{service.durationMinutes}</td>
              <td>{service.price.amount} {service.price.currency}</td>
              <td>{service.onlineBookable ? say('yes') : say('no')}</td>
              <td><button type="button" className="link" onClick={() => edit(service)}
                aria-label={say('change') + ' ' + service.name}>{say('change')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
