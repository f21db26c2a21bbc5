// Imports every domain's event consumers and jobs so that they are registered before the queue starts.
import './catalog/jobs';
import './notifications/jobs';
