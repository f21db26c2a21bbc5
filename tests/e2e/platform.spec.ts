import { expect, test } from '@playwright/test';
import { shot } from './helpers';

test('an operator reviews a waiting seller and approves it', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('operator@demo.sellercenter.dev');
  await page.getByLabel('Password').fill('Demo-Pass-2026!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);

  await page.goto('/platform/sellers');
  await page.getByText('Under review', { exact: true }).first().click();
  await expect(page.getByRole('link', { name: 'Bright Electronics' })).toBeVisible();
  await shot(page, '09-platform-sellers');
  await page.getByRole('link', { name: 'Bright Electronics' }).click();
  await expect(page.getByText('Shenzhen Bright Electronics Co., Ltd.').first()).toBeVisible();
  await shot(page, '10-platform-seller-detail');

  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('Approve Bright Electronics?')).toBeVisible();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Seller approved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suspend' })).toBeVisible();

  // The decision is in the platform audit log.
  await page.goto('/platform/audit');
  await expect(page.getByText('seller.status.active').first()).toBeVisible();
  await shot(page, '11-platform-audit');
});
