import { APIRequestContext, Page } from '@playwright/test';
import { expect, appReady } from './fixtures';
import { ADMIN_USERNAME, ADMIN_PASSWORD, STAFF_PASSWORD } from '../staff-credentials';

// What the staff-side browser tests do over the API or the login page: sign in, create the
// accounts a test needs, submit a citizen's request. Each test makes its own, so the tests can
// run in parallel on the one database.

/// Logs `request` (an API context, not the browser) in and answers the CSRF token; `base` is
/// another server's address (a later clock), the main server's when empty.
export async function apiLogin(
  request: APIRequestContext,
  username: string,
  password: string,
  base = '',
): Promise<string> {
  const response = await request.post(`${base}/api/v1/staff/session`, { data: { username, password } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).csrf_token;
}

/// The password the first administrator gives a new account; its holder must change it first.
export const FIRST_PASSWORD = 'e2e-only first passphrase';

/// Creates a staff account with `roles` as the first administrator; its holder then signs in
/// once and chooses STAFF_PASSWORD, as the workbench asks of every new account (the page that
/// asks is tested in admin.spec.ts). `request` is left signed in as the administrator.
export async function createAccount(
  request: APIRequestContext,
  username: string,
  roles: string[],
  displayName = `测试 ${username}`,
) {
  const csrf = await apiLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);
  const response = await request.post('/api/v1/staff/accounts', {
    data: { username, display_name: displayName, roles, password: FIRST_PASSWORD },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(response.status(), await response.text()).toBe(201);
  const theirs = await apiLogin(request, username, FIRST_PASSWORD);
  const changed = await request.put('/api/v1/staff/session/password', {
    data: { current_password: FIRST_PASSWORD, new_password: STAFF_PASSWORD },
    headers: { 'X-CSRF-Token': theirs },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await apiLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);
}

/// Signs in through the login page.
export async function uiLogin(page: Page, username: string, password = STAFF_PASSWORD) {
  if (!page.url().includes('/staff/login')) {
    await page.goto('/staff/login');
  }
  await appReady(page);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
}

/// The smallest file the upload's checks take as a JPEG: its markers up to a 1 × 1 frame header.
export const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
  0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xff,
  0xd9,
]);

/// A small valid PDF (one object, the cross-reference pointer, the end marker): the
/// server checks a PDF's structure, not only its first bytes.
export function pdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Title (${title}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n`,
  );
}

/// A citizen's complete rights-assistance request, submitted through the public API.
export async function submitRequest(
  request: APIRequestContext,
  name: string,
): Promise<{ reference: string; tracking_token: string }> {
  const created = await request.post('/api/v1/assistance/drafts');
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  const saved = await request.put(`/api/v1/assistance/drafts/${token}`, {
    data: {
      applicant: {
        kind: 'individual',
        name,
        resident_id: '320611199003071232',
        mobile: '13812345678',
        acting_for_someone_else: false,
      },
      right: {
        type: 'utility_model_patent',
        number: 'ZL 2012 2 0687633.0',
        title: '一种家纺面料',
        holder: name,
        legal_status: 'in_force',
      },
      other_party: { name: '某某家纺店', online_link: 'https://shop.example.com/item/1', place: '某电商平台' },
      facts: { description: '对方在网店销售仿冒我方专利的床品。', discovered_on: '2026-11-01', estimated_loss: '50000' },
      help: { types: ['rights_guidance', 'mediation'] },
      evidence: { complete: true },
      declaration: { accepted: true },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const uploaded = await request.post(`/api/v1/assistance/drafts/${token}/files?name=${encodeURIComponent('现场照片.jpg')}`, {
    headers: { 'Content-Type': 'image/jpeg' },
    data: JPEG,
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const submitted = await request.post(`/api/v1/assistance/drafts/${token}/submit`, {
    headers: { 'Idempotency-Key': `e2e-workbench-${Math.random()}` },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  return submitted.json();
}

