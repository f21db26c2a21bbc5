export { ConfirmButton } from './ConfirmButton';
export { EmptyState } from './EmptyState';
export { ErrorAlert } from './ErrorAlert';
export { PageHeader } from './PageHeader';
export { PageLoading } from './PageLoading';
export { StatusTag } from './StatusTag';
