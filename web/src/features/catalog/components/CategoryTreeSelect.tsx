import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type PerLang, textIn } from '../api';

export interface CategoryLike {
  id: string;
  parentId: string | null;
  names: PerLang;
  isLeaf?: boolean;
}

interface TreeNode {
  value: string;
  title: string;
  /** The full path, shown in the box once chosen (two "T-shirts" differ by their parents). */
  label: string;
  selectable: boolean;
  children: TreeNode[];
}

/** A flat depth-first category list as a tree for TreeSelect; `leafOnly` lets only leaves be picked. */
export function useCategoryTree(items: CategoryLike[] | undefined, leafOnly: boolean) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const byId = new Map<string, TreeNode>();
    const roots: TreeNode[] = [];
    for (const c of items ?? []) {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      const title = textIn(c.names, i18n.language);
      const node: TreeNode = {
        value: c.id,
        title,
        label: parent ? `${parent.label} / ${title}` : title,
        selectable: !leafOnly || c.isLeaf !== false,
        children: [],
      };
      byId.set(c.id, node);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }, [items, i18n.language, leafOnly]);
}

/** "Clothing / Women / T-shirts" for a category id. */
export function useCategoryPath(items: CategoryLike[] | undefined) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const byId = new Map((items ?? []).map((c) => [c.id, c]));
    return (id: string | null | undefined): string => {
      if (!id) return '—';
      const parts: string[] = [];
      let current = byId.get(id);
      let guard = 0;
      while (current && guard++ < 20) {
        parts.unshift(textIn(current.names, i18n.language));
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
      return parts.length ? parts.join(' / ') : '—';
    };
  }, [items, i18n.language]);
}

export function CategoryTreeSelect({
  items,
  value,
  onChange,
  leafOnly = false,
  placeholder,
  ariaLabel,
  disabled,
  style,
  allowClear = true,
  id,
}: {
  items: CategoryLike[] | undefined;
  value?: string;
  onChange?: (value: string | undefined) => void;
  leafOnly?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  allowClear?: boolean;
  id?: string;
}) {
  const tree = useCategoryTree(items, leafOnly);
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      showSearch
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={tree}
      treeNodeFilterProp="title"
      treeNodeLabelProp="label"
      treeDefaultExpandAll={false}
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
