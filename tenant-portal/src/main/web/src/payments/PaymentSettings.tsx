import { useCallback, useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Me, Say } from '../App';
import type { Key } from '../i18n';

type View = Answer<components['schemas']['PaymentSettingsView']>;
type Request = components['schemas']['PaymentSettingsRequest'];

const METHODS = ['card', 'alipay', 'wechatpay', 'at-salon'] as const;
const PROVIDER: Record<string, 'stripe' | 'alipay' | 'wechatpay' | null> = {
  card: 'stripe', alipay: 'alipay', wechatpay: 'wechatpay', 'at-salon': null };
const FIELDS: Record<'stripe' | 'alipay' | 'wechatpay', string[]> = {
  stripe: ['accountId'],
  alipay: ['appId', 'privateKey', 'alipayPublicKey'],
  wechatpay: ['merchantId', 'appId', 'serialNumber', 'privateKey', 'apiV3Key', 'publicKeyId', 'publicKey',
    'appSecret'],
};
const MULTILINE = ['privateKey', 'alipayPublicKey', 'publicKey'];

/**
 * How the chain is paid: which methods it offers (card through Stripe, Alipay, WeChat Pay, at the salon) and each
 * provider's merchant credentials — write-only: the portal says only whether and when they were given. Owners change
 * them; managers read.
 */
export function PaymentSettings({ client, me, say, language }: { client: Api; me: Me; say: Say; language: string }) {
  const [view, setView] = useState<View | null>(null);
  const [methods, setMethods] = useState<string[]>([]);
  const [secrets, setSecrets] = useState<Record<string, Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Key | null>(null);
  const owner = me.role === 'OWNER';
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(() => {
    client.GET('/api/v1/payment-settings').then(({ data, error }) => {
      if (data) {
        setView(data as View);
        setMethods((data as View).methods);
      } else {
        setProblem(problemText(error));
      }
    });
  }, [client]);
  useEffect(load, [load]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const body: Request = { methods };
    for (const provider of ['stripe', 'alipay', 'wechatpay'] as const) {
      const given = Object.fromEntries(Object.entries(secrets[provider] ?? {}).filter(([, value]) => value.trim()));
      if (Object.keys(given).length > 0) {
        (body as Record<string, unknown>)[provider] = given;
      }
    }
    const { error, response } = await client.PUT('/api/v1/payment-settings', { body });
    setProblem(response.ok ? null : problemText(error));
    setNotice(response.ok ? 'saved' : null);
    if (response.ok) {
      setSecrets({});
      load();
    }
  };

  const remove = async (provider: string) => {
    const { error, response } = await client.PUT('/api/v1/payment-settings', {
      body: { methods: methods.filter((method) => PROVIDER[method] !== provider), removeCredentials: [provider] } });
    setProblem(response.ok ? null : problemText(error));
    load();
  };

  return (
    <form className="editor" onSubmit={(event) => void save(event)} aria-labelledby="payments-settings-title"
      id="payment-settings">
      <h2 id="payments-settings-title">{say('paymentSettings')}</h2>
      <fieldset>
        <legend>{say('paymentMethods')}</legend>
        {METHODS.map((method) => (
          <label key={method} className="choice"><input type="checkbox" disabled={!owner}
            id={'method-' + method} checked={methods.includes(method)} onChange={(event) => setMethods(
              event.target.checked ? [...methods, method] : methods.filter((one) => one !== method))} />
            {' '}{say(('method_' + method.replace('-', '_')) as Parameters<Say>[0])}</label>
        ))}
      </fieldset>
      {(['stripe', 'alipay', 'wechatpay'] as const).map((provider) => {
        const kept = view?.credentials?.[provider];
        return (
          <fieldset key={provider}>
            <legend>{say(('provider_' + provider) as Parameters<Say>[0])}</legend>
            <p className="quiet">{kept?.given
              ? say('credentialsGiven', kept.updatedAt ? date.format(new Date(kept.updatedAt)) : '')
              : say('credentialsMissing')}
              {kept?.given && owner && <>{' '}<button type="button" className="link"
                onClick={() => void remove(provider)}>{say('remove')}</button></>}</p>
            {owner && <div className="grid">
              {FIELDS[provider].map((field) => {
                const value = secrets[provider]?.[field] ?? '';
                const put = (text: string) => setSecrets({ ...secrets, [provider]: { ...(secrets[provider] ?? {}),
                  [field]: text } });
                return (
                  <label key={field}>{field}{MULTILINE.includes(field)
                    ? <textarea id={provider + '-' + field} value={value} autoComplete="off" spellCheck={false}
                        onChange={(event) => put(event.target.value)} />
                    : <input id={provider + '-' + field} value={value} autoComplete="off" spellCheck={false}
                        onChange={(event) => put(event.target.value)} />}</label>
                );
              })}
            </div>}
          </fieldset>
        );
      })}
      {problem && <p role="alert" className="problem" id="payment-settings-problem">{problem}</p>}
      {notice && <p role="status" className="notice">{say(notice)}</p>}
      {owner && <div className="actions"><button type="submit" id="save-payment-settings">{say('save')}</button></div>}
    </form>
  );
}
