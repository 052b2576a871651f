import { createHmac, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { login, staff } from './helpers';

// Issue #24: the parent site's data beside a points claim. The test command starts the reference
// parent site (`madoguchi parent-reference`) and points the server at it; a member handed over
// by the parent site (so with a parent-site id) is told the judgement date while writing, and
// staff see the matching click on the inquiry.
const secret = process.env.MADOGUCHI_SSO_JWT_SECRET ?? '';

function handOff(claims: object): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

test('a member is told the judgement date before writing, sends anyway; staff see the matching click', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  const now = Math.floor(Date.now() / 1000);
  const token = handOff({
    sub: `p-${now}`, email: `parent.${now}@example.jp`, name: '判定 待子', iat: now, exp: now + 120, jti: randomUUID(),
  });
  await member.goto(`/sso/jwt?token=${token}&next=${encodeURIComponent('/contact?category=points')}`);
  await member.getByRole('checkbox', { name: /個人情報の取り扱いについて/ }).check();
  await member.getByRole('checkbox', { name: /利用規約/ }).check();
  await member.getByRole('button', { name: 'お問い合わせフォームへ' }).click();
  await member.getByLabel(/ショップ・広告主名/).fill('楽天市場');
  // The reference site's member clicked through on the day they name; a recent click is still
  // being judged, due 75 days later.
  await member.getByLabel(/ご利用日/).fill('2026-11-20');
  const note = member.locator('.judgement-note');
  await expect(note).toContainText('判定中');
  await expect(note).toContainText('2月3日');
  // Still free to send.
  await member.getByLabel(/現在の通帳の状態/).selectOption({ label: '通帳に記載がない' });
  await member.getByLabel(/お問い合わせ内容/).fill('判定予定日はわかりましたが、念のため確認させてください。');
  await member.getByRole('button', { name: '確認画面へ' }).click();
  await member.getByRole('button', { name: '送信する' }).click();
  const reference = (await member.locator('.reference').textContent())!.trim();

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/inquiries');
  await desk.getByRole('link', { name: reference }).click();
  const panel = desk.getByRole('region', { name: '親サイトのクリック・判定' });
  await expect(panel.getByRole('listitem').first()).toContainText('11/20');
  await expect(panel.getByRole('listitem').first()).toContainText('楽天市場 クリックあり・判定中・判定予定日 2/3');
  // The suggested answer goes into the reply with one press, then is sent as the answer.
  await panel.getByRole('button', { name: '回答案を返信欄に入れる' }).click();
  await expect(desk.getByLabel('回答する', { exact: true })).toHaveValue(/判定予定日は2月3日です/);
  await desk.getByRole('button', { name: '回答を送信' }).click();
  // The reply keeps what staff saw when they answered.
  const evidence = desk.getByRole('region', { name: '回答時に参照した親サイトのデータ' });
  await expect(evidence).toContainText('楽天市場 クリックあり・判定中');
});
