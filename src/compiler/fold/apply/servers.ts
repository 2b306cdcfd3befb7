import type { ApiModel } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import type { Applied } from '../targets.js';

export function serversChange(model: ApiModel, c: Extract<Change, { kind: 'servers.change' }>): Applied {
  return { ...model, servers: c.servers };
}
