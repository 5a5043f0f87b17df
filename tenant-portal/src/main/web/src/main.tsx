import { createRoot } from 'react-dom/client';
import { App } from './App';
import { signIn, type AppConfig } from './session';
import './styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const answer = await fetch('/app-config.json');
  const config = (await answer.json()) as AppConfig;
  const session = await signIn(config);
  root.render(<App session={session} />);
}

start().catch((error: unknown) => {
  const root = document.getElementById('root')!;
  root.textContent = 'The back office could not start: ' + String(error);
});
