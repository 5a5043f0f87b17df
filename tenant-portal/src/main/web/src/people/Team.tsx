import { useCallback, useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Me, Say } from '../App';
import type { Key } from '../i18n';
import { Rota } from './Rota';

type Staff = Answer<components['schemas']['StaffView']>;
type Location = Answer<components['schemas']['LocationView']>;
type Service = Answer<components['schemas']['ServiceView']>;
type Role = 'OWNER' | 'MANAGER' | 'RECEPTIONIST' | 'STYLIST';

const ROLES: Role[] = ['STYLIST', 'RECEPTIONIST', 'MANAGER', 'OWNER'];

interface Draft {
  name: string;
  email: string;
  role: Role;
  locationIds: string[];
  serviceIds: string[];
}

/**
 * The chain's people for owners and managers: who works where in which role, adding someone (an email new to the
 * platform gets an account and chooses a password at first sign-in; one that has an account is invited), changing a
 * member's role, salons and services, disabling and enabling, and each member's rota and time off.
 */
export function Team({ client, me, say, language }: { client: Api; me: Me; say: Say; language: string }) {
  const [staff, setStaff] = useState<Staff[]>([]);
  const [locations, setLocations] = useState<Location[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [rotaOf, setRotaOf] = useState<Staff | null>(null);
  const [draft, setDraft] = useState<Draft>({ name: '', email: '', role: 'STYLIST', locationIds: [], serviceIds: [] });
  const [problem, setProblem] = useState<string | null>(null);
  // a word's key, so that it follows a language switch
  const [notice, setNotice] = useState<Key | null>(null);

  const load = useCallback(() => {
    client.GET('/api/v1/staff').then(({ data }) => setStaff((data ?? []) as Staff[]));
    client.GET('/api/v1/locations').then(({ data }) => setLocations((data ?? []) as Location[]));
    client.GET('/api/v1/services').then(({ data }) => setServices(((data ?? []) as Service[])
      .filter((service) => service.active)));
  }, [client]);
  useEffect(load, [load]);

  const roles = me.role === 'OWNER' ? ROLES : ROLES.filter((role) => role === 'STYLIST' || role === 'RECEPTIONIST');
  const answered = (ok: boolean, error: unknown, text: Key) => {
    if (ok) {
      setEditing(null);
      setProblem(null);
      setNotice(text);
      load();
    } else {
      setProblem(problemText(error));
    }
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (editing === 'new') {
      const { error, response } = await client.POST('/api/v1/staff', { body: draft });
      answered(response.ok, error, 'added');
    } else if (editing) {
      const { error, response } = await client.PATCH('/api/v1/staff/{id}', { params: { path: { id: editing } },
        body: { name: draft.name, role: draft.role, locationIds: draft.locationIds, serviceIds: draft.serviceIds } });
      answered(response.ok, error, 'saved');
    }
  };

  const toggle = async (member: Staff) => {
    const path = member.status === 'DISABLED' ? '/api/v1/staff/{id}/enable' : '/api/v1/staff/{id}/disable';
    const { error, response } = await client.POST(path, { params: { path: { id: member.id } } });
    answered(response.ok, error, 'saved');
  };

  const chosen = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const names = (ids: string[]) => locations.filter((found) => ids.includes(found.id)).map((found) => found.name)
    .join(', ');

  return (
    <section aria-label={say('team')} className="catalog">
      <div className="toolbar">
        <button type="button" id="add-member" onClick={() => {
          setDraft({ name: '', email: '', role: 'STYLIST', locationIds: locations.slice(0, 1).map((l) => l.id),
            serviceIds: [] });
          setEditing('new'); setRotaOf(null); setProblem(null); setNotice(null);
        }}>{say('addMember')}</button>
        {notice && <p role="status" className="notice">{say(notice)}</p>}
      </div>
      {editing && (
        <form onSubmit={(event) => void save(event)} className="editor" id="member-form"
          aria-labelledby="member-form-title">
          <h2 id="member-form-title">{editing === 'new' ? say('addMember') : say('changeMember')}</h2>
          <div className="grid">
            <label>{say('name')}<input id="member-name" required maxLength={200} value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })} /></label>
            {editing === 'new' && <label>{say('email')}<input id="member-email" type="email" required maxLength={254}
              value={draft.email} onChange={(event) => setDraft({ ...draft, email: event.target.value })} /></label>}
            <label>{say('roleWord')}<select id="member-role" value={draft.role}
              onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}>
              {roles.map((role) => <option key={role} value={role}>{say(('role_' + role) as Parameters<Say>[0])}</option>)}
            </select></label>
          </div>
          <fieldset>
            <legend>{say('salons')}</legend>
            {locations.map((found) => (
              <label key={found.id} className="choice"><input type="checkbox"
                checked={draft.locationIds.includes(found.id)}
                onChange={(event) => setDraft({ ...draft, locationIds: chosen(draft.locationIds, found.id,
                  event.target.checked) })} /> {found.name}</label>
            ))}
          </fieldset>
          {draft.role !== 'RECEPTIONIST' && (
            <fieldset>
              <legend>{say('services')}</legend>
              {services.map((service) => (
                <label key={service.id} className="choice"><input type="checkbox"
                  checked={draft.serviceIds.includes(service.id)}
                  onChange={(event) => setDraft({ ...draft, serviceIds: chosen(draft.serviceIds, service.id,
                    event.target.checked) })} /> {service.name}</label>
              ))}
            </fieldset>
          )}
          {problem && <p role="alert" className="problem" id="member-problem">{problem}</p>}
          <div className="actions">
            <button type="submit" id="save-member">{say('save')}</button>
            <button type="button" onClick={() => setEditing(null)}>{say('close')}</button>
          </div>
        </form>
      )}
      {!editing && problem && <p role="alert" className="problem">{problem}</p>}
      <div className="scroll" tabIndex={0} role="region" aria-label={say('team') + ' · ' + say('table')}>
      <table className="list" id="member-list">
        <thead><tr><th scope="col">{say('name')}</th><th scope="col">{say('email')}</th>
          <th scope="col">{say('roleWord')}</th><th scope="col">{say('salons')}</th>
          <th scope="col">{say('statusWord')}</th><th scope="col"><span className="hidden">{say('actionsWord')}</span></th>
        </tr></thead>
        <tbody>
          {staff.map((member) => (
            <tr key={member.id}>
              <td>{member.name}</td><td>{member.email}</td>
              <td>{say(('role_' + member.role) as Parameters<Say>[0])}</td>
              <td>{names(member.locationIds)}</td>
              <td>{say(('member_' + member.status) as Parameters<Say>[0])}</td>
              <td className="row-actions">
                <button type="button" className="link" aria-label={say('change') + ' ' + member.name} onClick={() => {
                  setDraft({ name: member.name, email: member.email, role: member.role as Role,
                    locationIds: member.locationIds, serviceIds: member.serviceIds });
                  setEditing(member.id); setRotaOf(null); setProblem(null); setNotice(null);
                }}>{say('change')}</button>
                {member.role !== 'RECEPTIONIST' && member.status === 'ACTIVE' && (
                  <button type="button" className="link" aria-label={say('rota') + ' ' + member.name}
                    onClick={() => { setRotaOf(member); setEditing(null); }}>{say('rota')}</button>
                )}
                {member.id !== me.staffId && (
                  <button type="button" className="link" aria-label={(member.status === 'DISABLED' ? say('enable')
                    : say('disable')) + ' ' + member.name} onClick={() => void toggle(member)}>
                    {member.status === 'DISABLED' ? say('enable') : say('disable')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {rotaOf && <Rota key={rotaOf.id} client={client} member={rotaOf} say={say} language={language}
        locations={locations.filter((found) => rotaOf.locationIds.includes(found.id))}
        onClose={() => setRotaOf(null)} />}
    </section>
  );
}
