import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Mirrors the server's strength rule: 10–128 characters, three character classes unless 16+ long. */
export function passwordRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('auth:validation.passwordRequired') },
    { min: PASSWORD_MIN, message: t('auth:validation.passwordMin', { n: PASSWORD_MIN }) },
    { max: PASSWORD_MAX, message: t('auth:validation.passwordMax', { n: PASSWORD_MAX }) },
    {
      validator: (_rule, value: string | undefined) => {
        if (!value || value.length >= 16) return Promise.resolve();
        const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
        return classes >= 3
          ? Promise.resolve()
          : Promise.reject(new Error(t('auth:validation.passwordSimple')));
      },
    },
  ];
}

/** The "repeat the password" field: required, and equal to the field named `passwordField`. */
export function confirmPasswordRules(t: TFunction, passwordField = 'password'): Rule[] {
  return [
    { required: true, message: t('auth:validation.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_rule, value) =>
        !value || getFieldValue(passwordField) === value
          ? Promise.resolve()
          : Promise.reject(new Error(t('auth:validation.passwordMismatch'))),
    }),
  ];
}

export function useTokenFromUrl(search: string, param?: string): string {
  return new URLSearchParams(search).get('token') ?? param ?? '';
}
