import { useCallback, useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';

type Summary = Answer<components['schemas']['PlatformTenants.TenantSummary']>;

/** The platform's tenants for its staff: every chain, its plan, status, cell and schema version; suspend or resume. */
export function Platform({ client, say, language }: { client: Api; say: Say; language: string }) {
  const [tenants, setTenants] = useState<Summary[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });

  const load = useCallback(() => {
    client.GET('/api/v1/platform/tenants').then(({ data, error }) => {
      if (data) {
        setTenants(data as Summary[]);
      } else {
        setProblem(problemText(error));
      }
    }, (error: unknown) => setProblem(String(error)));
  }, [client]);
  useEffect(load, [load]);

  const change = async (tenant: Summary) => {
    const path = tenant.status === 'SUSPENDED' ? '/api/v1/platform/tenants/{slug}/activate'
      : '/api/v1/platform/tenants/{slug}/suspend';
    const { error, response } = await client.POST(path, { params: { path: { slug: tenant.slug } } });
    setProblem(response.ok ? null : problemText(error));
    load();
  };

  const shown = tenants.filter((tenant) => (tenant.slug + ' ' + tenant.name).toLowerCase()
    .includes(filter.trim().toLowerCase()));
  return (
    <main className="page wide">
      <h1>{say('platformTitle')}</h1>
      <label>{say('findTenant')}{' '}<input id="tenant-filter" type="search" value={filter}
        onChange={(event) => setFilter(event.target.value)} /></label>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <div className="scroll" tabIndex={0} role="region" aria-label={say('platformTitle')}>
        <table className="list" id="tenant-list">
          <thead><tr><th scope="col">{say('slug')}</th><th scope="col">{say('name')}</th>
            <th scope="col">{say('plan')}</th><th scope="col">{say('statusWord')}</th><th scope="col">{say('cell')}</th>
            <th scope="col">{say('schema')}</th><th scope="col">{say('since')}</th>
            <th scope="col"><span className="hidden">{say('actionsWord')}</span></th></tr></thead>
          <tbody>
            {shown.map((tenant) => (
              <tr key={tenant.id}>
                <td>{tenant.slug}</td><td>{tenant.name}</td><td>{tenant.plan}</td>
                <td>{say(('tenant_' + tenant.status) as Parameters<Say>[0]) ?? tenant.status}</td>
                <td>{tenant.cell}</td><td>{tenant.migration}</td>
                <td>{tenant.createdAt ? date.format(new Date(tenant.createdAt)) : ''}</td>
                <td><button type="button" className="link" onClick={() => void change(tenant)}
                  aria-label={(tenant.status === 'SUSPENDED' ? say('resume') : say('suspend')) + ' ' + tenant.slug}>
                  {tenant.status === 'SUSPENDED' ? say('resume') : say('suspend')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
