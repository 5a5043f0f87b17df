import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, problemText, type Answer, type Api } from './api/client';
import type { components } from './api/schema';
import { FrontDesk } from './calendar/FrontDesk';
import { Customers } from './customers/Customers';
import { DeliveryLog } from './notifications/DeliveryLog';
import { Services } from './catalog/Services';
import { Team } from './people/Team';
import { Platform } from './platform/Platform';
import { Salons } from './salons/Salons';
import { ThemeEditor } from './theme/ThemeEditor';

// the charts load with the reports screen only
const Reports = lazy(() => import('./reports/Reports'));
import { initialLanguage, remember, words, type Language } from './i18n';
import type { Session } from './session';

export type Me = Answer<components['schemas']['Me.Me']>;
export type Say = ReturnType<typeof words>;

const CHAIN = 'atelier.chain';
/** What the picker keeps for platform staff who chose the platform's own screen rather than a chain. */
const PLATFORM = '#platform';

/** Signed in: the chain to work on (picked when the account is on the staff of several), then its screens. */
export function App({ session }: { session: Session }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const say = useMemo(() => words(language), [language]);
  const [chain, setChain] = useState<string | null>(() => {
    const kept = sessionStorage.getItem(CHAIN);
    if (kept && (session.chains.includes(kept) || (kept === PLATFORM && session.platformAdmin))) {
      return kept;
    }
    if (session.platformAdmin) {
      return session.chains.length === 0 ? PLATFORM : null;
    }
    return session.chains.length === 1 ? session.chains[0] : null;
  });

  // one client per chain: a new one would make every screen read everything again (on a language switch, say)
  const client = useMemo(() => (chain === null ? null : api(session, chain === PLATFORM ? null : chain)),
    [session, chain]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = say('appName');
  }, [language, say]);

  const switchLanguage = () => {
    const other: Language = language === 'zh-CN' ? 'en' : 'zh-CN';
    remember(other);
    setLanguage(other);
  };

  return (
    <>
      <header className="top">
        <span className="brand">{say('appName')}</span>
        <nav aria-label="account" className="account">
          {chain && session.chains.length + (session.platformAdmin ? 1 : 0) > 1 && (
            <button type="button" className="link" onClick={() => { sessionStorage.removeItem(CHAIN); setChain(null); }}>
              {chain === PLATFORM ? say('platform') : chain}
            </button>
          )}
          <span>{session.name}</span>
          <button type="button" className="link" lang={language === 'zh-CN' ? 'en' : 'zh-CN'} onClick={switchLanguage}>
            {say('language')}
          </button>
          <button type="button" className="link" onClick={() => void session.keycloak.logout({
            redirectUri: window.location.origin + '/' })}>
            {say('signOut')}
          </button>
        </nav>
      </header>
      {chain === null
        ? <ChainPicker chains={session.chains} platform={session.platformAdmin} say={say} onPick={(picked) => {
            sessionStorage.setItem(CHAIN, picked);
            setChain(picked);
          }} />
        : chain === PLATFORM
          ? <Platform client={client as Api} say={say} language={language} />
          : <Chain key={chain} client={client as Api} say={say} language={language} />}
    </>
  );
}

function ChainPicker({ chains, platform, say, onPick }: {
  chains: string[]; platform: boolean; say: Say; onPick: (chain: string) => void;
}) {
  return (
    <main className="page">
      <h1>{say('chooseChain')}</h1>
      {chains.length === 0 && !platform
        ? <p>{say('noChain')}</p>
        : <>
            <p>{say('chooseChainHelp')}</p>
            <ul className="chains">
              {chains.map((chain) => (
                <li key={chain}><button type="button" id={'chain-' + chain} onClick={() => onPick(chain)}>{chain}</button></li>
              ))}
              {platform && <li><button type="button" id="platform" onClick={() => onPick(PLATFORM)}>
                {say('platformTitle')}</button></li>}
            </ul>
          </>}
    </main>
  );
}

type Screen = 'desk' | 'customers' | 'messages' | 'services' | 'team' | 'salons' | 'theme' | 'reports';
const SCREENS: Screen[] = ['desk', 'customers', 'messages', 'services', 'team', 'salons', 'theme', 'reports'];

/** The screen named by the address's fragment ({@code #customers}), so that back and forward and links work. */
function useScreen(): [Screen, (screen: Screen) => void] {
  const read = (): Screen => SCREENS.find((screen) => '#' + screen === window.location.hash) ?? 'desk';
  const [screen, setScreen] = useState<Screen>(read);
  useEffect(() => {
    const follow = () => setScreen(read());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return [screen, (next) => { window.location.hash = next === 'desk' ? '' : next; setScreen(next); }];
}

/** One chain: who the user is there decides what they see (a stylist their own diary, the front desk the salon's). */
function Chain({ client, say, language }: { client: Api; say: Say; language: Language }) {
  const [me, setMe] = useState<Me | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [screen, setScreen] = useScreen();

  useEffect(() => {
    client.GET('/api/v1/me').then(({ data, error }) => {
      if (data) {
        setMe(data as Me);
      } else {
        setProblem(problemText(error));
      }
    }, (error: unknown) => setProblem(String(error)));
  }, [client]);

  if (problem) {
    return <main className="page"><p role="alert">{say('failed', problem)}</p></main>;
  }
  if (!me) {
    return <main className="page"><p>{say('loading')}</p></main>;
  }
  const stylist = me.role === 'STYLIST';
  const manages = me.role === 'OWNER' || me.role === 'MANAGER';
  const mine = SCREENS.filter((each) => (each === 'desk' || each === 'customers' || each === 'messages'
    ? !stylist
    : manages));
  const shown: Screen = mine.includes(screen) ? screen : 'desk';
  const titles: Record<Screen, string> = { desk: say('frontDesk'), customers: say('customers'),
    messages: say('deliveryLog'),
    services: say('services'), team: say('team'), salons: say('salonsScreen'), theme: say('theme'),
    reports: say('reports') };
  return (
    <main className="page wide">
      {!stylist && (
        <nav aria-label={say('screens')} className="screens">
          {mine.map((each) => (
            <a key={each} href={each === 'desk' ? '#' : '#' + each} aria-current={shown === each ? 'page' : undefined}
              onClick={(event) => { event.preventDefault(); setScreen(each); }}>
              {titles[each]}
            </a>
          ))}
        </nav>
      )}
      <div className="where">
        <h1>{stylist ? say('myDiary') : titles[shown]}</h1>
        <span className="who">{me.tenant?.name} · {say(('role_' + me.role) as Parameters<Say>[0])}</span>
      </div>
      {shown === 'desk' && <FrontDesk client={client} me={me} say={say} language={language} />}
      {shown === 'customers' && <Customers client={client} say={say} language={language} />}
      {shown === 'messages' && <DeliveryLog client={client} say={say} language={language} />}
      {shown === 'services' && <Services client={client} me={me} say={say} />}
      {shown === 'team' && <Team client={client} me={me} say={say} language={language} />}
      {shown === 'theme' && <ThemeEditor client={client} say={say} />}
      {shown === 'salons' && <Salons client={client} me={me} say={say} language={language}
        zone={me.tenant?.timezone ?? 'UTC'} />}
      {shown === 'reports' && <Suspense fallback={<p>{say('loading')}</p>}>
        <Reports client={client} say={say} currency={me.tenant?.currency ?? 'GBP'} /></Suspense>}
    </main>
  );
}
