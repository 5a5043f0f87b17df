import { useEffect, useMemo, useState } from 'react';
import { api, problemText, type Answer, type Api } from './api/client';
import type { components } from './api/schema';
import { FrontDesk } from './calendar/FrontDesk';
import { Customers } from './customers/Customers';
import { initialLanguage, remember, words, type Language } from './i18n';
import type { Session } from './session';

export type Me = Answer<components['schemas']['Me.Me']>;
export type Say = ReturnType<typeof words>;

const CHAIN = 'atelier.chain';

/** Signed in: the chain to work on (picked when the account is on the staff of several), then its screens. */
export function App({ session }: { session: Session }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const say = useMemo(() => words(language), [language]);
  const [chain, setChain] = useState<string | null>(() => {
    const kept = sessionStorage.getItem(CHAIN);
    if (kept && session.chains.includes(kept)) {
      return kept;
    }
    return session.chains.length === 1 ? session.chains[0] : null;
  });

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
          {chain && session.chains.length > 1 && (
            <button type="button" className="link" onClick={() => { sessionStorage.removeItem(CHAIN); setChain(null); }}>
              {chain}
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
        ? <ChainPicker chains={session.chains} say={say} onPick={(picked) => {
            sessionStorage.setItem(CHAIN, picked);
            setChain(picked);
          }} />
        : <Chain key={chain} client={api(session, chain)} say={say} language={language} />}
    </>
  );
}

function ChainPicker({ chains, say, onPick }: { chains: string[]; say: Say; onPick: (chain: string) => void }) {
  return (
    <main className="page">
      <h1>{say('chooseChain')}</h1>
      {chains.length === 0
        ? <p>{say('noChain')}</p>
        : <>
            <p>{say('chooseChainHelp')}</p>
            <ul className="chains">
              {chains.map((chain) => (
                <li key={chain}><button type="button" id={'chain-' + chain} onClick={() => onPick(chain)}>{chain}</button></li>
              ))}
            </ul>
          </>}
    </main>
  );
}

type Screen = 'desk' | 'customers';

/** The screen named by the address's fragment ({@code #customers}), so that back and forward and links work. */
function useScreen(): [Screen, (screen: Screen) => void] {
  const read = (): Screen => (window.location.hash === '#customers' ? 'customers' : 'desk');
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
  const shown: Screen = stylist ? 'desk' : screen;
  return (
    <main className="page wide">
      {!stylist && (
        <nav aria-label={say('screens')} className="screens">
          {(['desk', 'customers'] as Screen[]).map((each) => (
            <a key={each} href={each === 'desk' ? '#' : '#' + each} aria-current={shown === each ? 'page' : undefined}
              onClick={(event) => { event.preventDefault(); setScreen(each); }}>
              {each === 'desk' ? say('frontDesk') : say('customers')}
            </a>
          ))}
        </nav>
      )}
      <div className="where">
        <h1>{stylist ? say('myDiary') : shown === 'desk' ? say('frontDesk') : say('customers')}</h1>
        <span className="who">{me.tenant?.name} · {say(('role_' + me.role) as Parameters<Say>[0])}</span>
      </div>
      {shown === 'desk'
        ? <FrontDesk client={client} me={me} say={say} language={language} />
        : <Customers client={client} say={say} language={language} />}
    </main>
  );
}
