import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, List, Progress, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions, useSession } from '../../shared/api/session';
import { ErrorAlert, StatusTag } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useResendVerification } from '../auth/api';
import { useCompany } from '../company/api';
import { useUnreadCount } from '../notifications/api';
import { useStores } from '../stores/api';
import { useInvitations, useMembers } from '../team/api';

interface ChecklistItem {
  key: string;
  done: boolean;
  link: string;
  action?: () => void;
  loading?: boolean;
}

export default function HomePage() {
  const { t } = useTranslation('home');
  const { data: session } = useSession();
  const { can, allStores } = usePermissions();
  const company = useCompany(can('account:read'));
  const stores = useStores(can('stores:read'));
  const members = useMembers(can('team:read'));
  const invitations = useInvitations(can('team:read'));
  const unread = useUnreadCount(true);
  const resend = useResendVerification();
  const notify = useApiMessage();

  if (!session) return null;
  const user = session.user;
  const c = company.data;

  const items: ChecklistItem[] = [
    {
      key: 'verifyEmail',
      done: user.emailVerified,
      link: '/account',
      action: () =>
        resend.mutate(user.email, {
          onSuccess: () => notify.success(t('checklist.verifyEmail.sent', { email: user.email })),
          onError: notify.error,
        }),
      loading: resend.isPending,
    },
  ];
  // Only steps this member can act on: a catalog manager is not asked to create stores.
  if (can('account:manage')) {
    items.push({
      key: 'companyProfile',
      done: Boolean(c?.contactEmail && c?.contactPhone && c?.registrationNumber && c?.registeredAddress),
      link: '/company',
    });
  }
  if (can('stores:manage') && allStores) {
    items.push({ key: 'createStore', done: (stores.data?.length ?? 0) > 0, link: '/stores/new' });
  }
  items.push({ key: 'enable2fa', done: user.totpEnabled, link: '/account?tab=security' });
  if (can('team:manage')) {
    items.push({
      key: 'inviteMember',
      done: (members.data?.length ?? 0) > 1 || (invitations.data?.length ?? 0) > 0,
      link: '/team?invite=1',
    });
  }

  const loading =
    (can('account:read') && company.isPending) ||
    (can('stores:read') && stores.isPending) ||
    (can('team:read') && members.isPending);
  const doneCount = items.filter((i) => i.done).length;
  const percent = Math.round((doneCount / items.length) * 100);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('welcome', { name: user.name || user.email })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {session.seller ? (
          <>
            {t('sellerLine', { seller: session.seller.displayName })}{' '}
            <StatusTag status={session.seller.status} />
          </>
        ) : (
          t('subtitle')
        )}
      </Typography.Paragraph>
      <ErrorAlert error={company.error ?? stores.error ?? members.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            title={t('checklist.title')}
            extra={
              <Typography.Text type="secondary">
                {t('checklist.progress', { done: doneCount, total: items.length })}
              </Typography.Text>
            }
          >
            {loading ? (
              <Skeleton active />
            ) : (
              <>
                <Progress percent={percent} style={{ marginBottom: 12 }} />
                <List
                  dataSource={items}
                  renderItem={(item) => (
                    <List.Item
                      actions={
                        item.done
                          ? [
                              <Tag key="done" color="success">
                                {t('checklist.done')}
                              </Tag>,
                            ]
                          : [
                              item.key === 'verifyEmail' ? (
                                <Button key="go" type="link" loading={item.loading} onClick={item.action}>
                                  {t('checklist.verifyEmail.action')}
                                </Button>
                              ) : (
                                <Link key="go" to={item.link}>
                                  <Button type="link">
                                    {t(`checklist.${item.key}.action`)} <RightOutlined />
                                  </Button>
                                </Link>
                              ),
                            ]
                      }
                    >
                      <List.Item.Meta
                        avatar={
                          <CheckCircleFilled
                            style={{ fontSize: 20, color: item.done ? '#52c41a' : '#d9d9d9' }}
                          />
                        }
                        title={t(`checklist.${item.key}.title`)}
                        description={t(`checklist.${item.key}.description`)}
                      />
                    </List.Item>
                  )}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Row gutter={[16, 16]}>
            {can('stores:read') && (
              <Col span={24}>
                <Card>
                  <Link to="/stores">
                    <Statistic
                      title={t('stats.stores')}
                      value={stores.data?.filter((s) => s.status !== 'archived').length ?? 0}
                      loading={stores.isPending}
                    />
                  </Link>
                </Card>
              </Col>
            )}
            {can('team:read') && (
              <Col span={24}>
                <Card>
                  <Link to="/team">
                    <Statistic
                      title={t('stats.members')}
                      value={members.data?.length ?? 0}
                      loading={members.isPending}
                    />
                  </Link>
                </Card>
              </Col>
            )}
            <Col span={24}>
              <Card>
                <Link to="/notifications">
                  <Statistic title={t('stats.unread')} value={unread.data ?? 0} loading={unread.isPending} />
                </Link>
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>
    </div>
  );
}
