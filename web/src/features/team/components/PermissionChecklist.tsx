import { Checkbox, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PermissionDef } from '../api';

export function groupPermissions(defs: PermissionDef[]): [string, PermissionDef[]][] {
  const groups = new Map<string, PermissionDef[]>();
  for (const d of defs) groups.set(d.resource, [...(groups.get(d.resource) ?? []), d]);
  return [...groups.entries()];
}

export function usePermissionLabels() {
  const { t } = useTranslation('team');
  return {
    resource: (r: string) => t(`permissions.resources.${r}`, { defaultValue: r }),
    action: (a: string) => t(`permissions.actions.${a}`, { defaultValue: a }),
  };
}

/** A controlled checklist of permission keys, one row per resource. */
export function PermissionChecklist({
  defs,
  value = [],
  onChange,
  disabled,
}: {
  defs: PermissionDef[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}) {
  const labels = usePermissionLabels();
  const selected = new Set(value);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '4px 12px' }}>
      {groupPermissions(defs).map(([resource, items]) => {
        const keys = items.map((i) => i.key);
        const checkedCount = keys.filter((k) => selected.has(k)).length;
        return (
          <Row key={resource} align="middle" style={{ padding: '8px 0', borderBottom: '1px solid #fafafa' }}>
            <Col flex="180px">
              <Checkbox
                disabled={disabled}
                checked={checkedCount === keys.length}
                indeterminate={checkedCount > 0 && checkedCount < keys.length}
                onChange={(e) => {
                  const next = new Set(selected);
                  for (const k of keys) {
                    if (e.target.checked) next.add(k);
                    else next.delete(k);
                  }
                  onChange?.([...next]);
                }}
              >
                <Typography.Text strong>{labels.resource(resource)}</Typography.Text>
              </Checkbox>
            </Col>
            <Col flex="auto">
              {items.map((p) => (
                <Checkbox
                  key={p.key}
                  disabled={disabled}
                  checked={selected.has(p.key)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(p.key);
                    else next.delete(p.key);
                    onChange?.([...next]);
                  }}
                >
                  {labels.action(p.action)}
                </Checkbox>
              ))}
            </Col>
          </Row>
        );
      })}
    </div>
  );
}
