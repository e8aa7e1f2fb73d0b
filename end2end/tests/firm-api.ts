import { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';
import { pdf } from './staff-api';

// What the fast-track tests do on the firm's side over the API: sign a firm up and in, submit
// its registration and have an officer register it, start and submit a pre-examination request.
// The server allows 10 firm sign-ups an hour per address: each firm signs up from an address of
// its own (a documentation address from its code, passed as X-Forwarded-For, which the test
// server trusts from 127.0.0.1: end2end/server-env.ts).

export const FIRM_PASSWORD = 'a long enough password 1';

/// Signs the firm up and in with `request` (its cookie stays there); answers the CSRF token.
export async function firmSignedIn(request: APIRequestContext, uscc: string, firmName: string): Promise<string> {
  const mobile = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const address = `198.51.100.${[...uscc].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 250 + 1}`;
  const signedUp = await request.post('/api/v1/firm/sign-up', {
    headers: { 'X-Forwarded-For': address },
    data: { uscc, firm_name: firmName, contact_name: '王丽', mobile, password: FIRM_PASSWORD },
  });
  expect(signedUp.status(), await signedUp.text()).toBe(202);
  const signedIn = await request.post('/api/v1/firm/session', {
    data: { uscc, mobile, password: FIRM_PASSWORD },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return (await signedIn.json()).csrf_token;
}

/// The firm answers everything, uploads its documents and submits its registration; answers the
/// registration's id (as `officer`, signed in as a pre-examination officer, finds it).
export async function registrationSubmitted(
  firm: APIRequestContext,
  csrf: string,
  officer: APIRequestContext,
): Promise<number> {
  const headers = { 'X-CSRF-Token': csrf };
  const saved = await firm.put('/api/v1/firm/registration', {
    headers,
    data: {
      established_on: '2015-03-18',
      insured_staff: 42,
      main_business: '家用纺织品的研发、生产和销售',
      fields: ['modern_textiles'],
      rnd_staff: 8,
      rnd_spending: 350,
      design_only: false,
      patents: ['ZL 2021 1 0000004.X'],
      ip_system: true,
      ip_contact: '王丽',
      declaration: true,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  for (const purpose of ['business_licence', 'social_insurance', 'declaration', 'rnd_proof']) {
    const uploaded = await firm.post(`/api/v1/firm/registration/files?purpose=${purpose}&name=${purpose}.pdf`, {
      headers: { ...headers, 'Content-Type': 'application/pdf' },
      data: pdf(purpose),
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
  }
  const sent = await firm.post('/api/v1/firm/registration/submit', { headers });
  expect(sent.status(), await sent.text()).toBe(200);
  const reference = (await sent.json()).reference;
  const queue = await (await officer.get('/api/v1/staff/registrations')).json();
  return queue.items.find((i: { reference: string }) => i.reference === reference).id;
}

/// A firm signed up and in with `firm`, its registration submitted and registered by the officer
/// signed in on `officer` (`officerCsrf`): what a firm needs before it files pre-examination
/// requests. Answers the firm's CSRF token.
export async function firmRegistered(
  firm: APIRequestContext,
  uscc: string,
  firmName: string,
  officer: APIRequestContext,
  officerCsrf: string,
): Promise<string> {
  const csrf = await firmSignedIn(firm, uscc, firmName);
  const registration = await registrationSubmitted(firm, csrf, officer);
  await review(officer, officerCsrf, registration, 'start');
  await review(officer, officerCsrf, registration, 'register');
  return csrf;
}

/// An officer's review step of a registration over the API.
export async function review(officer: APIRequestContext, csrf: string, id: number, action: string) {
  const response = await officer.post(`/api/v1/staff/registrations/${id}/actions`, {
    headers: { 'X-CSRF-Token': csrf, 'Idempotency-Key': `e2e-review-${Math.random()}` },
    data: { action },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/// A pre-examination request with `answers`, a file for every document they need, submitted;
/// answers its id and reference.
export async function preExamSubmitted(
  firm: APIRequestContext,
  csrf: string,
  answers: object,
): Promise<{ id: number; reference: string }> {
  const headers = { 'X-CSRF-Token': csrf };
  const created = await firm.post('/api/v1/firm/pre-exams', { headers });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  const saved = await firm.put(`/api/v1/firm/pre-exams/${id}`, { headers, data: answers });
  expect(saved.status(), await saved.text()).toBe(200);
  for (const document of (await saved.json()).documents as string[]) {
    await preExamUpload(firm, csrf, id, document);
  }
  const sent = await firm.post(`/api/v1/firm/pre-exams/${id}/submit`, { headers });
  expect(sent.status(), await sent.text()).toBe(200);
  return { id, reference: (await sent.json()).reference };
}

/// Uploads a PDF as one of the request's documents.
export async function preExamUpload(firm: APIRequestContext, csrf: string, id: number, document: string) {
  const uploaded = await firm.post(`/api/v1/firm/pre-exams/${id}/files?document=${document}&name=${document}.pdf`, {
    headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/pdf' },
    data: pdf(document),
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
}
