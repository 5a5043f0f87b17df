import { useCallback, useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';

type Resource = Answer<components['schemas']['ResourceView']>;
type Location = Answer<components['schemas']['LocationView']>;

/**
 * A salon's resources (chairs, basins, rooms): what services ask for by type; added, renamed, and taken out of use
 * (an inactive resource is not offered to new bookings).
 */
export function Resources({ client, say, location }: { client: Api; say: Say; location: Location }) {
  const [resources, setResources] = useState<Resource[]>([]);
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    client.GET('/api/v1/resources', { params: { query: { locationId: location.id } } })
      .then(({ data }) => setResources((data ?? []) as Resource[]));
  }, [client, location.id]);
  useEffect(load, [load]);

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.POST('/api/v1/resources', {
      body: { locationId: location.id, name, type: type.trim().toLowerCase() } });
    setProblem(response.ok ? null : problemText(error));
    if (response.ok) {
      setName('');
      setType('');
    }
    load();
  };

  const toggle = async (resource: Resource) => {
    const { error, response } = await client.PATCH('/api/v1/resources/{id}', {
      params: { path: { id: resource.id } }, body: { active: !resource.active } });
    setProblem(response.ok ? null : problemText(error));
    load();
  };

  return (
    <div className="editor" id="resources">
      <h3>{say('resources')}</h3>
      <ul className="notes" id="resource-list">
        {resources.map((resource) => (
          <li key={resource.id}>{resource.name} · {resource.type}{resource.active ? '' : ' (' + say('inactive') + ')'}
            {' '}<button type="button" className="link" onClick={() => void toggle(resource)}
              aria-label={(resource.active ? say('disable') : say('enable')) + ' ' + resource.name}>
              {resource.active ? say('disable') : say('enable')}</button></li>
        ))}
      </ul>
      <form className="grid" onSubmit={(event) => void add(event)}>
        <label>{say('name')}<input id="resource-name" required maxLength={120} value={name}
          onChange={(event) => setName(event.target.value)} /></label>
        <label>{say('resourceType')}<input id="resource-type" required maxLength={40} pattern="[a-z0-9-]+"
          placeholder="basin" value={type} onChange={(event) => setType(event.target.value)} /></label>
        <button type="submit" id="add-resource">{say('addResource')}</button>
      </form>
      {problem && <p role="alert" className="problem">{problem}</p>}
    </div>
  );
}
