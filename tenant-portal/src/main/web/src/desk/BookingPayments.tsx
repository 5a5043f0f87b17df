import { useCallback, useEffect, useMemo, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Key } from '../i18n';
import type { Language } from '../i18n';

type Entry = Answer<components['schemas']['StaffBookings.DiaryEntry']>;
type Payment = Answer<components['schemas']['BookingPayments.PaymentView']>;

const PAID = ['SUCCEEDED', 'PARTIALLY_REFUNDED'];

/** Paid through a provider, so refunded through it; money taken at the salon is given back at the till. */
function online(payment: Payment): boolean {
  return payment.method !== 'at-salon';
}

/** How many digits a currency's minor unit has (2 for GBP and CNY, 0 for JPY). */
function digits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function minor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** digits(currency));
}

function major(units: number, currency: string): string {
  return (units / 10 ** digits(currency)).toFixed(digits(currency));
}

/**
 * A booking's payments at the desk: what was paid (online or at the salon), taking the rest at the salon (cash,
 * card terminal or other), and — for owners and managers — a refund of part or all of what was paid online. Each form keeps
 * its idempotency key until it succeeds, so pressing twice takes the money once.
 */
export function BookingPayments({ client, entry, say, language, mayRefund }: {
  client: Api; entry: Entry; say: Say; language: Language; mayRefund: boolean;
}) {
  const currency = entry.price.currency;
  const [payments, setPayments] = useState<Payment[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // a word's key, so that it follows a language switch
  const [notice, setNotice] = useState<Key | null>(null);
  const [tender, setTender] = useState<'cash' | 'card-terminal' | 'other'>('card-terminal');
  const [amount, setAmount] = useState('');
  const [refund, setRefund] = useState('');
  const [reason, setReason] = useState('');
  const [payKey, setPayKey] = useState(() => crypto.randomUUID());
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());
  const money = useMemo(() => new Intl.NumberFormat(language, { style: 'currency', currency }), [language, currency]);

  const load = useCallback(() => {
    client.GET('/api/v1/bookings/{id}/payments', { params: { path: { id: entry.id } } }).then(({ data, error }) => {
      if (!data) {
        setProblem(problemText(error));
        return;
      }
      const found = data as Payment[];
      setPayments(found);
      const paid = found.filter((payment) => PAID.includes(payment.status));
      const sum = (some: Payment[]) => some.reduce((total, payment) => total + minor(payment.amount.amount, currency),
        0);
      setAmount(major(Math.max(0, minor(entry.price.amount, currency) - sum(paid)), currency));
      setRefund(major(sum(paid.filter(online)), currency));
    }, (error: unknown) => setProblem(String(error)));
  }, [client, entry, currency]);
  useEffect(load, [load]);

  const take = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.POST('/api/v1/bookings/{id}/payments', {
      params: { path: { id: entry.id }, header: { 'Idempotency-Key': payKey } },
      body: { method: 'at-salon', tender, amount: { amount: Number(amount), currency } } });
    if (response.ok) {
      setPayKey(crypto.randomUUID());
      setProblem(null);
      setNotice('paymentTaken');
      load();
    } else {
      setProblem(problemText(error));
    }
  };

  const giveBack = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.POST('/api/v1/bookings/{id}/refunds', {
      params: { path: { id: entry.id }, header: { 'Idempotency-Key': refundKey } },
      body: { amount: { amount: Number(refund), currency }, reason } });
    if (response.ok) {
      setRefundKey(crypto.randomUUID());
      setProblem(null);
      setNotice('refunded');
      setReason('');
      load();
    } else {
      setProblem(problemText(error));
    }
  };

  const paidSome = payments.some((payment) => PAID.includes(payment.status) && online(payment));
  return (
    <section aria-labelledby="payments-title" className="payments">
      <h3 id="payments-title">{say('payments')}</h3>
      {payments.length === 0 ? <p>{say('nothingPaid')}</p> : (
        <ul id="payment-list">
          {payments.map((payment) => (
            <li key={payment.id}>{money.format(payment.amount.amount)} · {payment.method} · {payment.status}</li>
          ))}
        </ul>
      )}
      {notice && <p role="status" className="notice">{say(notice)}</p>}
      {problem && <p role="alert" className="problem">{problem}</p>}
      <form onSubmit={(event) => void take(event)} className="inline-form">
        <label>{say('amount')} ({currency})<input id="pay-amount" inputMode="decimal" required value={amount}
          pattern="\d+(\.\d{1,3})?" onChange={(event) => setAmount(event.target.value)} /></label>
        <label>{say('tender')}<select id="pay-tender" value={tender}
          onChange={(event) => setTender(event.target.value as typeof tender)}>
          <option value="card-terminal">{say('tender_card')}</option>
          <option value="cash">{say('tender_cash')}</option>
          <option value="other">{say('tender_other')}</option>
        </select></label>
        <button type="submit" id="take-payment">{say('takePayment')}</button>
      </form>
      {mayRefund && paidSome && (
        <form onSubmit={(event) => void giveBack(event)} className="inline-form">
          <label>{say('refundAmount')} ({currency})<input id="refund-amount" inputMode="decimal" required
            value={refund} pattern="\d+(\.\d{1,3})?" onChange={(event) => setRefund(event.target.value)} /></label>
          <label>{say('reason')}<input id="refund-reason" required maxLength={500} value={reason}
            onChange={(event) => setReason(event.target.value)} /></label>
          <button type="submit" id="refund">{say('refund')}</button>
        </form>
      )}
    </section>
  );
}
