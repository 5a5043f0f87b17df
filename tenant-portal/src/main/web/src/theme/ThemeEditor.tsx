import { useEffect, useRef, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Key } from '../i18n';

type View = Answer<components['schemas']['Theme.ThemeView']>;
type Request = components['schemas']['Theme.ThemeRequest'];
type Font = Request['font'];

type SitePreview = Answer<components['schemas']['Theme.SitePreview']>;

/** The storefront's fonts (system stacks it names: nothing is downloaded). */
const FONTS: Font[] = ['SYSTEM', 'SERIF', 'HUMANIST', 'GEOMETRIC', 'MONOSPACE'];

function requestOf(view: View): Request {
  const theme = view.theme;
  return { brandName: theme.brandName ?? '', logoUrl: theme.logoUrl ?? '', primaryColour: theme.primaryColour,
    accentColour: theme.accentColour, font: theme.font as Font, cornerRadius: theme.cornerRadius,
    heroImageUrl: theme.heroImageUrl ?? '', tagline: theme.tagline ?? '', layout: theme.layout,
    sections: { services: theme.sections.services, stylists: theme.sections.stylists,
      locations: theme.sections.locations }, customCss: theme.customCss ?? '' };
}

/**
 * The chain's look on its site: brand, logo, colours, font, corners, hero, tagline, layout, sections and custom CSS,
 * with a live preview: each change, after a pause in typing, is kept by the portal as a preview for an hour and the
 * chain's own home page is framed in it (what the custom CSS loses is said); saved for the site and the chain's
 * sign-in pages.
 */
export function ThemeEditor({ client, say }: { client: Api; say: Say }) {
  const [draft, setDraft] = useState<Request | null>(null);
  const [shown, setShown] = useState<SitePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Key | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    client.GET('/api/v1/theme').then(({ data, error }) => {
      if (data) {
        setDraft(requestOf(data as View));
      } else {
        setProblem(problemText(error));
      }
    });
  }, [client]);

  // each change kept as a preview after a pause in typing, the site framed in it; only the latest answer counts
  useEffect(() => {
    if (!draft) {
      return undefined;
    }
    const mine = ++asked.current;
    const timer = window.setTimeout(() => {
      client.POST('/api/v1/theme/previews', { body: draft }).then(({ data, error }) => {
        if (mine !== asked.current) {
          return;
        }
        if (data) {
          setShown(data as SitePreview);
          setProblem(null);
        } else {
          setProblem(problemText(error));
        }
      });
    }, 400);
    return () => window.clearTimeout(timer);
  }, [client, draft]);

  if (!draft) {
    return problem ? <p role="alert" className="problem">{problem}</p> : <p>{say('loading')}</p>;
  }
  const set = <K extends keyof Request>(key: K, value: Request[K]) => {
    setNotice(null);
    setDraft({ ...draft, [key]: value });
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.PUT('/api/v1/theme', { body: draft });
    setProblem(response.ok ? null : problemText(error));
    setNotice(response.ok ? 'saved' : null);
  };
  return (
    <section className="theme" aria-label={say('theme')}>
      <form className="editor" onSubmit={(event) => void save(event)} id="theme-form" aria-labelledby="theme-title">
        <h2 id="theme-title">{say('theme')}</h2>
        <div className="grid">
          <label>{say('brandName')}<input id="theme-brand" maxLength={120} value={draft.brandName}
            onChange={(event) => set('brandName', event.target.value)} /></label>
          <label>{say('tagline')}<input id="theme-tagline" maxLength={200} value={draft.tagline ?? ''}
            onChange={(event) => set('tagline', event.target.value)} /></label>
          <label>{say('primaryColour')}<input id="theme-primary" type="color" value={draft.primaryColour}
            onChange={(event) => set('primaryColour', event.target.value)} /></label>
          <label>{say('accentColour')}<input id="theme-accent" type="color" value={draft.accentColour}
            onChange={(event) => set('accentColour', event.target.value)} /></label>
          <label>{say('font')}<select id="theme-font" value={draft.font}
            onChange={(event) => set('font', event.target.value as Font)}>
            {FONTS.map((font) => <option key={font} value={font}>
              {say(('font_' + font) as Parameters<Say>[0])}</option>)}
          </select></label>
          <label>{say('cornerRadius')}<input id="theme-radius" type="number" min={0} max={24}
            value={draft.cornerRadius} onChange={(event) => set('cornerRadius', Number(event.target.value))} /></label>
          <label>{say('layout')}<select id="theme-layout" value={draft.layout}
            onChange={(event) => set('layout', event.target.value as Request['layout'])}>
            <option value="CLASSIC">{say('layout_CLASSIC')}</option>
            <option value="SPLIT">{say('layout_SPLIT')}</option>
          </select></label>
          <label>{say('logoUrl')}<input id="theme-logo" maxLength={500} value={draft.logoUrl ?? ''}
            onChange={(event) => set('logoUrl', event.target.value)} /></label>
          <label>{say('heroImageUrl')}<input id="theme-hero" maxLength={500} value={draft.heroImageUrl ?? ''}
            onChange={(event) => set('heroImageUrl', event.target.value)} /></label>
        </div>
        <fieldset>
          <legend>{say('sectionsShown')}</legend>
          {(['services', 'stylists', 'locations'] as const).map((section) => (
            <label key={section} className="choice"><input type="checkbox" checked={draft.sections[section] ?? false}
              onChange={(event) => set('sections', { ...draft.sections, [section]: event.target.checked })} />
              {' '}{say(('section_' + section) as Parameters<Say>[0])}</label>
          ))}
        </fieldset>
        <label>{say('customCss')}<textarea id="theme-css" maxLength={10_000} value={draft.customCss ?? ''}
          spellCheck={false} onChange={(event) => set('customCss', event.target.value)} /></label>
        {shown && shown.removedFromCss.length > 0 && <p className="problem" id="css-removed">
          {say('cssRemoved', shown.removedFromCss.join(', '))}</p>}
        {problem && <p role="alert" className="problem" id="theme-problem">{problem}</p>}
        {notice && <p role="status" className="notice">{say(notice)}</p>}
        <div className="actions"><button type="submit" id="save-theme">{say('save')}</button></div>
      </form>
      {shown && (
        <figure className="preview" id="theme-preview">
          <figcaption className="quiet">{say('preview')} · <a href={shown.url} target="_blank"
            rel="noopener noreferrer">{say('openPreview')}</a></figcaption>
          {/* the chain's own page in the draft; it runs no script, and may not reach the back office */}
          <iframe title={say('preview')} src={shown.url} sandbox="allow-same-origin" id="theme-preview-frame" />
        </figure>
      )}
    </section>
  );
}
