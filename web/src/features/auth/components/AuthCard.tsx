import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

export function AuthCard({
  title,
  subtitle,
  children,
  width = 420,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 6px 24px rgba(0,0,0,0.06)' }}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 24 }}>
        {title}
      </Typography.Title>
      {subtitle && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          {subtitle}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}
