// The Nova documents, microversion by microversion: for every version 2.2 … 2.100, the change
// that the version history names is in that version's document and not in the previous one.
// The documents are compiled once, from spec/, in before().
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { compile } from '../../src/compiler/pipeline.js';
import { formatDiagnostic } from '../../src/compiler/diagnostics/format.js';
import { ROOT } from '../helpers.js';

// Emitted OpenAPI documents are navigated loosely: a missing step yields undefined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

const docs = new Map<string, J>();
const doc = (v: string): J => {
  const d = docs.get(v);
  assert.ok(d, `no document for ${v}`);
  return d;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;
const SERVER_ACTION = '/servers/{server_id}/action';

// ---------- navigation helpers ----------

/** Follows `$ref`s (#/components/...) until a non-reference. */
function deref(d: J, s: J): J {
  for (let guard = 0; s && typeof s === 'object' && typeof s.$ref === 'string' && guard < 20; guard++) {
    s = (s.$ref as string).replace(/^#\//, '').split('/').reduce((o: J, k: string) => o?.[k], d);
  }
  return s;
}
const op = (d: J, method: string, p: string): J => d.paths?.[p]?.[method.toLowerCase()];
const hasOp = (d: J, method: string, p: string): boolean => op(d, method, p) !== undefined;
const param = (d: J, method: string, p: string, where: string, name: string): J =>
  (op(d, method, p)?.parameters ?? []).map((x: J) => deref(d, x)).find((x: J) => x.in === where && x.name === name);
const hasParam = (d: J, method: string, p: string, where: string, name: string): boolean => param(d, method, p, where, name) !== undefined;
const response = (d: J, method: string, p: string, code: string): J => deref(d, op(d, method, p)?.responses?.[code]);
const bodyOf = (d: J, r: J): J => deref(d, r?.content?.['application/json']?.schema);
const request = (d: J, method: string, p: string): J => bodyOf(d, deref(d, op(d, method, p)?.requestBody));
const responseBody = (d: J, method: string, p: string, code: string): J => bodyOf(d, response(d, method, p, code));
const schema = (d: J, name: string): J => d.components?.schemas?.[name];

/** The alternatives of a union body: one body per action (oneOf, anyOf, or allOf of one). */
const alternatives = (d: J, s: J): J[] => (s ? (s.oneOf ?? s.anyOf ?? s.allOf ?? [s]) : []).map((x: J) => deref(d, x));
/** The request schema of one action of an action operation, found by its x-openstack-action tag. */
function actionRequest(d: J, action: string, p = SERVER_ACTION): J {
  return alternatives(d, request(d, 'POST', p)).find((x: J) => x['x-openstack-action'] === action);
}
/** The response body of one action for a status code (the alternative tagged with the action). */
function actionResponse(d: J, action: string, code: string, p = SERVER_ACTION): J {
  return alternatives(d, responseBody(d, 'POST', p, code)).find((a) => a['x-openstack-action'] === action);
}
const actionNames = (d: J, p = SERVER_ACTION): string[] =>
  alternatives(d, request(d, 'POST', p)).map((x: J) => x['x-openstack-action'] as string).filter(Boolean);
const hasAction = (d: J, action: string, p = SERVER_ACTION): boolean => actionNames(d, p).includes(action);
/** The section of an action operation's description that documents one action. */
function actionText(d: J, action: string, p = SERVER_ACTION): string {
  const text: string = op(d, 'POST', p)?.description ?? '';
  const start = text.indexOf(`### \`${action}\``);
  if (start < 0) return '';
  const next = text.indexOf('\n### ', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

/**
 * A schema inside another, by a pointer of the delta format: property names, `[]` (items), `{}`
 * (additionalProperties) and `[N]` (alternative N of a oneOf/anyOf). References are followed.
 */
function at(d: J, s: J, pointer: string): J {
  let cur = deref(d, s);
  for (const seg of pointer.split('/').filter(Boolean)) {
    if (cur === undefined) return undefined;
    const alt = /^\[(\d+)\]$/.exec(seg);
    if (seg === '[]') cur = cur.items;
    else if (seg === '{}') cur = cur.additionalProperties;
    else if (alt) cur = (cur.oneOf ?? cur.anyOf)?.[Number(alt[1])];
    else cur = cur.properties?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    cur = deref(d, cur);
  }
  return cur;
}
const has = (d: J, s: J, pointer: string): boolean => at(d, s, pointer) !== undefined;
const inSchema = (d: J, name: string, pointer: string): boolean => has(d, schema(d, name), pointer);
/** Enum values of a schema, of its items, or of any of its alternatives. */
function enumOf(d: J, s: J): unknown[] {
  s = deref(d, s);
  if (!s) return [];
  const own: unknown[] = [...(s.enum ?? []), ...(s.const !== undefined ? [s.const] : [])];
  const sub = [...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((x: J) => enumOf(d, x));
  return [...own, ...sub, ...(s.items ? enumOf(d, s.items) : [])];
}
const typesOf = (d: J, s: J): string[] => [].concat(deref(d, s)?.type ?? []);
const required = (d: J, s: J, name: string): boolean => (deref(d, s)?.required ?? []).includes(name);
const text = (x: J): string => (typeof x === 'string' ? x : (x?.description ?? ''));
/** A behaviour-only change is stated in the description: "since microversion 2.N". */
const since = (v: string, x: J): boolean => new RegExp(`since microversion ${v.replace('.', '\\.')}(?!\\d)`, 'i').test(text(x));

function countOperations(d: J): number {
  let n = 0;
  for (const item of Object.values(d.paths as Record<string, J>)) for (const m of METHODS) if (item[m]) n++;
  return n;
}
const withoutInfo = (d: J): string => JSON.stringify({ ...d, info: undefined, 'x-openstack-microversion': undefined });

// ---------- the table: one row per fact, true at `v` and false at the version before ----------

type Row = readonly [v: string, fact: string, check: (d: J) => boolean];
const KP = '/os-keypairs';
const SRV = '/servers/{server_id}';
const VA = '/servers/{server_id}/os-volume_attachments';
const IA = '/servers/{server_id}/os-instance-actions/{request_id}';
const EVENTS = '/os-server-external-events';
const eventNames = (d: J) => enumOf(d, at(d, request(d, 'POST', EVENTS), '/events/[]/name'));
const createServer = (d: J) => request(d, 'POST', '/servers');
const consoleReq = (d: J) => request(d, 'POST', '/servers/{server_id}/remote-consoles');

const ROWS: readonly Row[] = [
  ['2.2', 'POST /os-keypairs answers 201 instead of 200', (d) => !!response(d, 'POST', KP, '201') && !response(d, 'POST', KP, '200')],
  ['2.2', 'DELETE /os-keypairs/{keypair_name} answers 204 instead of 202', (d) => !!response(d, 'DELETE', `${KP}/{keypair_name}`, '204') && !response(d, 'DELETE', `${KP}/{keypair_name}`, '202')],
  ['2.2', 'keypair create takes a type (ssh or x509)', (d) => enumOf(d, at(d, request(d, 'POST', KP), '/keypair/type')).includes('x509')],
  ['2.3', 'the server shows OS-EXT-SRV-ATTR:reservation_id and friends', (d) => inSchema(d, 'Server', '/OS-EXT-SRV-ATTR:reservation_id') && inSchema(d, 'Server', '/OS-EXT-SRV-ATTR:user_data')],
  ['2.3', 'volumes_attached items show delete_on_termination', (d) => inSchema(d, 'Server', '/os-extended-volumes:volumes_attached/[]/delete_on_termination')],
  ['2.4', 'a fixed IP shows reserved', (d) => has(d, responseBody(d, 'GET', '/os-fixed-ips/{fixed_ip}', '200'), '/fixed_ip/reserved')],
  ['2.5', 'the ip6 filter is documented as honoured for every user', (d) => since('2.5', param(d, 'GET', '/servers', 'query', 'ip6'))],
  ['2.6', 'POST /servers/{server_id}/remote-consoles exists', (d) => hasOp(d, 'POST', '/servers/{server_id}/remote-consoles')],
  ['2.6', 'the os-getVNCConsole action is gone', (d) => !hasAction(d, 'os-getVNCConsole') && !hasAction(d, 'os-getRDPConsole')],
  ['2.7', 'addTenantAccess documents the 409 for a public flavor', (d) => since('2.7', actionText(d, 'addTenantAccess', '/flavors/{flavor_id}/action')) && /409/.test(actionText(d, 'addTenantAccess', '/flavors/{flavor_id}/action'))],
  ['2.8', 'remote consoles accept the mks protocol and webmks type', (d) => enumOf(d, at(d, consoleReq(d), '/remote_console/protocol')).includes('mks') && enumOf(d, at(d, consoleReq(d), '/remote_console/type')).includes('webmks')],
  ['2.9', 'the server shows locked', (d) => inSchema(d, 'Server', '/locked') && inSchema(d, 'ServerRebuildResult', '/locked')],
  ['2.10', 'keypair APIs take a user_id query parameter', (d) => hasParam(d, 'GET', KP, 'query', 'user_id') && hasParam(d, 'DELETE', `${KP}/{keypair_name}`, 'query', 'user_id')],
  ['2.10', 'keypair create takes user_id', (d) => has(d, request(d, 'POST', KP), '/keypair/user_id')],
  ['2.11', 'services show forced_down and PUT /os-services/force-down exists', (d) => inSchema(d, 'Service', '/forced_down') && hasOp(d, 'PUT', '/os-services/force-down')],
  ['2.12', 'virtual interfaces show net_id', (d) => has(d, responseBody(d, 'GET', '/servers/{server_id}/os-virtual-interfaces', '200'), '/virtual_interfaces/[]/net_id')],
  ['2.13', 'server groups show project_id and user_id', (d) => inSchema(d, 'ServerGroup', '/project_id') && inSchema(d, 'ServerGroup', '/user_id')],
  ['2.14', 'evacuate takes no onSharedStorage', (d) => !has(d, actionRequest(d, 'evacuate'), '/evacuate/onSharedStorage')],
  ['2.14', 'evacuate answers without adminPass', (d) => !actionResponse(d, 'evacuate', '200')],
  ['2.15', 'server groups accept soft-affinity and soft-anti-affinity', (d) => enumOf(d, at(d, request(d, 'POST', '/os-server-groups'), '/server_group/policies')).includes('soft-anti-affinity')],
  ['2.16', 'the server shows host_status', (d) => inSchema(d, 'Server', '/host_status')],
  ['2.17', 'the trigger_crash_dump action exists', (d) => hasAction(d, 'trigger_crash_dump')],
  ['2.18', 'a server URL without the project id is offered', (d) => (d.servers as J[]).some((s) => !String(s.url).includes('{project_id}'))],
  ['2.19', 'servers carry a description (create, update, rebuild, show)', (d) => inSchema(d, 'Server', '/description') && has(d, createServer(d), '/server/description') && has(d, actionRequest(d, 'rebuild'), '/rebuild/description')],
  ['2.20', 'volume attach documents shelved servers', (d) => since('2.20', op(d, 'POST', VA)) && /shelved/i.test(text(op(d, 'POST', VA)))],
  ['2.21', 'instance actions of deleted servers are documented', (d) => since('2.21', op(d, 'GET', '/servers/{server_id}/os-instance-actions'))],
  ['2.22', 'the force_complete migration action exists', (d) => hasAction(d, 'force_complete', '/servers/{server_id}/migrations/{migration_id}/action')],
  ['2.23', 'GET /servers/{server_id}/migrations and its show exist', (d) => hasOp(d, 'GET', '/servers/{server_id}/migrations') && hasOp(d, 'GET', '/servers/{server_id}/migrations/{migration_id}')],
  ['2.23', 'os-migrations show migration_type', (d) => has(d, responseBody(d, 'GET', '/os-migrations', '200'), '/migrations/[]/migration_type')],
  ['2.24', 'DELETE /servers/{server_id}/migrations/{migration_id} exists', (d) => hasOp(d, 'DELETE', '/servers/{server_id}/migrations/{migration_id}')],
  ['2.25', 'live migration: block_migration takes auto, disk_over_commit is gone', (d) => enumOf(d, at(d, actionRequest(d, 'os-migrateLive'), '/os-migrateLive/block_migration')).includes('auto') && !has(d, actionRequest(d, 'os-migrateLive'), '/os-migrateLive/disk_over_commit')],
  ['2.26', 'GET /servers/{server_id}/tags exists', (d) => hasOp(d, 'GET', '/servers/{server_id}/tags')],
  ['2.26', 'PUT and DELETE /servers/{server_id}/tags/{tag} exist', (d) => hasOp(d, 'PUT', '/servers/{server_id}/tags/{tag}') && hasOp(d, 'DELETE', '/servers/{server_id}/tags/{tag}')],
  ['2.26', 'server list filters tags, tags-any, not-tags, not-tags-any', (d) => ['tags', 'tags-any', 'not-tags', 'not-tags-any'].every((n) => hasParam(d, 'GET', '/servers', 'query', n))],
  ['2.26', 'the server shows tags', (d) => inSchema(d, 'Server', '/tags')],
  ['2.27', 'operations take the OpenStack-API-Version header', (d) => hasParam(d, 'GET', '/servers', 'header', 'OpenStack-API-Version')],
  ['2.28', 'hypervisor cpu_info is an object', (d) => typesOf(d, at(d, schema(d, 'HypervisorDetail'), '/cpu_info')).includes('object')],
  ['2.29', 'evacuate takes force', (d) => has(d, actionRequest(d, 'evacuate'), '/evacuate/force')],
  ['2.30', 'live migration takes force', (d) => has(d, actionRequest(d, 'os-migrateLive'), '/os-migrateLive/force')],
  ['2.31', 'console auth tokens document every console type', (d) => since('2.31', op(d, 'GET', '/os-console-auth-tokens/{console_token}'))],
  ['2.32', 'networks and block devices take a tag at server create', (d) => has(d, createServer(d), '/server/networks/[]/tag') && has(d, createServer(d), '/server/block_device_mapping_v2/[]/tag')],
  ['2.33', 'hypervisor lists take limit and marker', (d) => hasParam(d, 'GET', '/os-hypervisors', 'query', 'limit') && hasParam(d, 'GET', '/os-hypervisors/detail', 'query', 'marker')],
  ['2.33', 'block devices lose their tag (a bug, restored in 2.42)', (d) => !has(d, createServer(d), '/server/block_device_mapping_v2/[]/tag')],
  ['2.34', 'live migration documents background pre-checks', (d) => since('2.34', actionText(d, 'os-migrateLive'))],
  ['2.35', 'keypair list takes limit and marker', (d) => hasParam(d, 'GET', KP, 'query', 'limit') && hasParam(d, 'GET', KP, 'query', 'marker')],
  ['2.35', 'keypair list may answer 400', (d) => !!op(d, 'GET', KP)?.responses?.['400']],
  ['2.36', 'the proxy APIs answer 404 (GET /images, /os-networks, /os-volumes gone)', (d) => !hasOp(d, 'GET', '/images') && !hasOp(d, 'GET', '/os-networks') && !hasOp(d, 'GET', '/os-volumes')],
  ['2.36', 'os-fping answers 404', (d) => !hasOp(d, 'GET', '/os-fping')],
  ['2.36', 'network limits and quotas are gone', (d) => !has(d, responseBody(d, 'GET', '/limits', '200'), '/limits/absolute/maxSecurityGroups') && !has(d, responseBody(d, 'GET', '/os-quota-sets/{tenant_id}', '200'), '/quota_set/floating_ips')],
  ['2.37', 'networks is required at server create and takes auto or none', (d) => required(d, at(d, createServer(d), '/server'), 'networks') && enumOf(d, at(d, createServer(d), '/server/networks')).includes('auto')],
  ['2.37', 'networks lose their tag (a bug, restored in 2.42)', (d) => !JSON.stringify(at(d, createServer(d), '/server/networks')).includes('"tag"')],
  ['2.38', 'an invalid status filter is documented as 400', (d) => since('2.38', param(d, 'GET', '/servers', 'query', 'status'))],
  ['2.39', 'maxImageMeta is gone from limits', (d) => !has(d, responseBody(d, 'GET', '/limits', '200'), '/limits/absolute/maxImageMeta')],
  ['2.39', 'the image-metadata proxy answers 404', (d) => !hasOp(d, 'GET', '/images/{image_id}/metadata')],
  ['2.40', 'simple tenant usage takes limit and marker', (d) => hasParam(d, 'GET', '/os-simple-tenant-usage', 'query', 'limit') && hasParam(d, 'GET', '/os-simple-tenant-usage/{tenant_id}', 'query', 'marker')],
  ['2.41', 'aggregates show uuid', (d) => inSchema(d, 'Aggregate', '/uuid')],
  ['2.42', 'tags on networks and block devices are restored', (d) => has(d, createServer(d), '/server/networks/[0]/[]/tag') && has(d, createServer(d), '/server/block_device_mapping_v2/[]/tag')],
  ['2.43', 'os-hosts answers 404', (d) => !hasOp(d, 'GET', '/os-hosts') && !hasOp(d, 'GET', '/os-hosts/{host_name}')],
  ['2.44', 'addFixedIp, removeFixedIp, addFloatingIp, removeFloatingIp are gone', (d) => ['addFixedIp', 'removeFixedIp', 'addFloatingIp', 'removeFloatingIp'].every((a) => !hasAction(d, a))],
  ['2.44', 'os-virtual-interfaces answers 404', (d) => !hasOp(d, 'GET', '/servers/{server_id}/os-virtual-interfaces')],
  ['2.45', 'createImage answers with image_id in the body', (d) => has(d, actionResponse(d, 'createImage', '202'), '/image_id') && has(d, actionResponse(d, 'createBackup', '202'), '/image_id')],
  ['2.46', 'responses carry X-OpenStack-Request-ID', (d) => !!response(d, 'GET', '/servers', '200')?.headers?.['X-OpenStack-Request-ID']],
  ['2.47', 'the server embeds flavor details instead of the flavor id', (d) => inSchema(d, 'Server', '/flavor/original_name') && !inSchema(d, 'Server', '/flavor/id')],
  ['2.48', 'diagnostics have the standard shape', (d) => has(d, responseBody(d, 'GET', `${SRV}/diagnostics`, '200'), '/memory_details')],
  ['2.49', 'interface and volume attach take a tag', (d) => has(d, request(d, 'POST', `${SRV}/os-interface`), '/interfaceAttachment/tag') && has(d, request(d, 'POST', VA), '/volumeAttachment/tag')],
  ['2.50', 'quota class sets show server_groups, not fixed_ips', (d) => has(d, responseBody(d, 'GET', '/os-quota-class-sets/{id}', '200'), '/quota_class_set/server_groups') && !has(d, responseBody(d, 'GET', '/os-quota-class-sets/{id}', '200'), '/quota_class_set/fixed_ips')],
  ['2.51', 'the volume-extended external event exists', (d) => eventNames(d).includes('volume-extended')],
  ['2.52', 'server create takes tags', (d) => has(d, createServer(d), '/server/tags')],
  ['2.53', 'PUT /os-services/{service_id} replaces the disable/enable/force-down routes', (d) => hasOp(d, 'PUT', '/os-services/{service_id}') && !hasOp(d, 'PUT', '/os-services/disable') && !hasOp(d, 'PUT', '/os-services/force-down')],
  ['2.53', 'hypervisor lists take hypervisor_hostname_pattern and with_servers', (d) => hasParam(d, 'GET', '/os-hypervisors', 'query', 'hypervisor_hostname_pattern') && hasParam(d, 'GET', '/os-hypervisors/{hypervisor_id}', 'query', 'with_servers')],
  ['2.53', 'hypervisor search and servers routes answer 404', (d) => !hasOp(d, 'GET', '/os-hypervisors/{hypervisor_hostname_pattern}/search')],
  ['2.53', 'hypervisor_id is a uuid', (d) => deref(d, param(d, 'GET', '/os-hypervisors/{hypervisor_id}', 'path', 'hypervisor_id')?.schema)?.format === 'uuid'],
  ['2.54', 'rebuild takes key_name', (d) => has(d, actionRequest(d, 'rebuild'), '/rebuild/key_name')],
  ['2.55', 'flavors have a description and PUT /flavors/{flavor_id} exists', (d) => inSchema(d, 'Flavor', '/description') && hasOp(d, 'PUT', '/flavors/{flavor_id}')],
  ['2.56', 'migrate takes a host', (d) => has(d, actionRequest(d, 'migrate'), '/migrate/host')],
  ['2.57', 'personality is gone from create and rebuild; rebuild takes user_data', (d) => !has(d, createServer(d), '/server/personality') && has(d, actionRequest(d, 'rebuild'), '/rebuild/user_data')],
  ['2.57', 'maxPersonality is gone from limits', (d) => !has(d, responseBody(d, 'GET', '/limits', '200'), '/limits/absolute/maxPersonality')],
  ['2.58', 'instance action list takes limit, marker and changes-since', (d) => ['limit', 'marker', 'changes-since'].every((n) => hasParam(d, 'GET', '/servers/{server_id}/os-instance-actions', 'query', n))],
  ['2.59', 'os-migrations take limit, marker, changes-since and show uuid', (d) => hasParam(d, 'GET', '/os-migrations', 'query', 'marker') && has(d, responseBody(d, 'GET', '/os-migrations', '200'), '/migrations/[]/uuid')],
  ['2.60', 'volume attach documents multiattach volumes', (d) => since('2.60', op(d, 'POST', VA))],
  ['2.61', 'flavors show extra_specs', (d) => inSchema(d, 'Flavor', '/extra_specs')],
  ['2.62', 'instance action events show host and hostId', (d) => has(d, responseBody(d, 'GET', IA, '200'), '/instanceAction/events/[]/hostId')],
  ['2.63', 'trusted_image_certificates at create and in the server', (d) => has(d, createServer(d), '/server/trusted_image_certificates') && inSchema(d, 'Server', '/trusted_image_certificates')],
  ['2.64', 'server groups have policy and rules instead of policies', (d) => inSchema(d, 'ServerGroup', '/policy') && inSchema(d, 'ServerGroup', '/rules') && !inSchema(d, 'ServerGroup', '/policies')],
  ['2.65', 'aborting queued or preparing live migrations is documented', (d) => since('2.65', op(d, 'DELETE', '/servers/{server_id}/migrations/{migration_id}'))],
  ['2.66', 'changes-before filters servers, instance actions and migrations', (d) => hasParam(d, 'GET', '/servers', 'query', 'changes-before') && hasParam(d, 'GET', '/os-migrations', 'query', 'changes-before')],
  ['2.67', 'block devices take volume_type', (d) => has(d, createServer(d), '/server/block_device_mapping_v2/[]/volume_type')],
  ['2.68', 'force is gone from evacuate and live migration', (d) => !has(d, actionRequest(d, 'evacuate'), '/evacuate/force') && !has(d, actionRequest(d, 'os-migrateLive'), '/os-migrateLive/force')],
  ['2.69', 'servers in down cells have a minimal shape', (d) => !!schema(d, 'ServerDownCell')],
  ['2.70', 'volume attachments and interfaces show their tag', (d) => inSchema(d, 'ServerVolumeAttachment', '/tag') && inSchema(d, 'ServerInterfaceAttachment', '/tag')],
  ['2.71', 'the server shows server_groups', (d) => inSchema(d, 'Server', '/server_groups') && inSchema(d, 'ServerUpdateResult', '/server_groups')],
  ['2.72', 'server create documents ports with resource requests', (d) => since('2.72', op(d, 'POST', '/servers'))],
  ['2.73', 'lock takes a locked_reason and the server shows it', (d) => has(d, actionRequest(d, 'lock'), '/lock/locked_reason') && inSchema(d, 'Server', '/locked_reason')],
  ['2.73', 'server list filters on locked', (d) => hasParam(d, 'GET', '/servers', 'query', 'locked')],
  ['2.74', 'server create takes host and hypervisor_hostname', (d) => has(d, createServer(d), '/server/host') && has(d, createServer(d), '/server/hypervisor_hostname')],
  ['2.75', 'update and rebuild answer the full server', (d) => inSchema(d, 'ServerUpdateResult', '/OS-EXT-SRV-ATTR:host') && inSchema(d, 'ServerRebuildResult', '/OS-EXT-STS:vm_state')],
  ['2.75', 'flavor swap is always an integer', (d) => typesOf(d, at(d, schema(d, 'Flavor'), '/swap')).join() === 'integer'],
  ['2.75', 'unknown query parameters answer 400 (GET /os-services)', (d) => !!op(d, 'GET', '/os-services')?.responses?.['400']],
  ['2.76', 'the power-update external event exists', (d) => eventNames(d).includes('power-update')],
  ['2.77', 'unshelve takes an availability_zone', (d) => JSON.stringify(actionRequest(d, 'unshelve')).includes('"availability_zone"')],
  ['2.78', 'GET /servers/{server_id}/topology exists', (d) => hasOp(d, 'GET', `${SRV}/topology`)],
  ['2.79', 'volume attach takes and shows delete_on_termination', (d) => has(d, request(d, 'POST', VA), '/volumeAttachment/delete_on_termination') && inSchema(d, 'ServerVolumeAttachment', '/delete_on_termination')],
  ['2.80', 'os-migrations filter and show user_id and project_id', (d) => hasParam(d, 'GET', '/os-migrations', 'query', 'project_id') && has(d, responseBody(d, 'GET', '/os-migrations', '200'), '/migrations/[]/user_id')],
  ['2.81', 'POST /os-aggregates/{aggregate_id}/images exists', (d) => hasOp(d, 'POST', '/os-aggregates/{aggregate_id}/images')],
  ['2.82', 'the accelerator-request-bound external event exists', (d) => eventNames(d).includes('accelerator-request-bound')],
  ['2.83', 'more server list filters are open to non-admins', (d) => since('2.83', param(d, 'GET', '/servers', 'query', 'availability_zone'))],
  ['2.84', 'failed instance action events show details', (d) => has(d, responseBody(d, 'GET', IA, '200'), '/instanceAction/events/[]/details')],
  ['2.85', 'a volume attachment update takes delete_on_termination', (d) => has(d, request(d, 'PUT', `${VA}/{volume_id}`), '/volumeAttachment/delete_on_termination')],
  ['2.86', 'extra spec validation is documented', (d) => since('2.86', op(d, 'POST', '/flavors/{flavor_id}/os-extra_specs'))],
  ['2.87', 'rescue of volume-backed servers is documented', (d) => since('2.87', actionText(d, 'rescue'))],
  ['2.88', 'hypervisor details lose resource fields and gain uptime', (d) => inSchema(d, 'HypervisorDetail', '/uptime') && !inSchema(d, 'HypervisorDetail', '/vcpus') && !inSchema(d, 'HypervisorDetail', '/cpu_info')],
  ['2.88', 'hypervisor statistics and uptime answer 404', (d) => !hasOp(d, 'GET', '/os-hypervisors/statistics') && !hasOp(d, 'GET', '/os-hypervisors/{hypervisor_id}/uptime')],
  ['2.89', 'volume attachments show attachment_id and bdm_uuid, not id', (d) => inSchema(d, 'ServerVolumeAttachment', '/attachment_id') && inSchema(d, 'ServerVolumeAttachment', '/bdm_uuid') && !inSchema(d, 'ServerVolumeAttachment', '/id')],
  ['2.90', 'create, update and rebuild take a hostname', (d) => has(d, createServer(d), '/server/hostname') && has(d, request(d, 'PUT', SRV), '/server/hostname') && has(d, actionRequest(d, 'rebuild'), '/rebuild/hostname')],
  ['2.91', 'unshelve takes a host', (d) => JSON.stringify(actionRequest(d, 'unshelve')).includes('"host"')],
  ['2.92', 'keypair create no longer generates a private key', (d) => !has(d, responseBody(d, 'POST', KP, '201'), '/keypair/private_key')],
  ['2.93', 'rebuild of volume-backed servers (volume-reimaged event)', (d) => eventNames(d).includes('volume-reimaged') && since('2.93', actionText(d, 'rebuild'))],
  ['2.94', 'the hostname may be an FQDN (dots allowed, 255 characters)', (d) => at(d, createServer(d), '/server/hostname')?.maxLength === 255],
  ['2.95', 'evacuated servers stay stopped (documented)', (d) => since('2.95', actionText(d, 'evacuate'))],
  ['2.96', 'the server shows pinned_availability_zone', (d) => inSchema(d, 'Server', '/pinned_availability_zone')],
  ['2.97', 'server share attachments exist', (d) => ['GET', 'POST'].every((m) => hasOp(d, m, `${SRV}/shares`)) && hasOp(d, 'DELETE', `${SRV}/shares/{share_id}`)],
  ['2.98', 'the server image shows its properties', (d) => inSchema(d, 'Server', '/image/[1]/properties')],
  ['2.99', 'spice-direct consoles and tls_port in console auth tokens', (d) => enumOf(d, at(d, consoleReq(d), '/remote_console/type')).includes('spice-direct') && has(d, responseBody(d, 'GET', '/os-console-auth-tokens/{console_token}', '200'), '/console/tls_port')],
  ['2.100', 'the server shows scheduler_hints', (d) => inSchema(d, 'Server', '/scheduler_hints') && inSchema(d, 'ServerRebuildResult', '/scheduler_hints')],
];

const VERSIONS = Array.from({ length: 100 }, (_, i) => `2.${i + 1}`);
const previous = (v: string) => `2.${Number(v.split('.')[1]) - 1}`;

describe('the Nova documents, version by version', () => {
  before(async () => {
    const r = await compile({ specDir: path.join(ROOT, 'spec') });
    assert.deepEqual(r.diagnostics.map((x) => formatDiagnostic(x)), []);
    for (const v of r.versions) docs.set(v.version, v.document);
  });

  test('every version 2.1 … 2.100 is emitted', () => {
    assert.deepEqual([...docs.keys()], VERSIONS);
  });

  test('the table covers every version 2.2 … 2.100', () => {
    assert.ok(ROWS.length >= 99, `${ROWS.length} rows`);
    assert.deepEqual([...new Set(ROWS.map(([v]) => v))], VERSIONS.slice(1));
  });

  for (const [v, fact, check] of ROWS) {
    test(`${v}: ${fact}`, () => {
      assert.equal(check(doc(v)), true, `${v} should have it`);
      assert.equal(check(doc(previous(v))), false, `${previous(v)} should not have it`);
    });
  }

  test('no two adjacent versions emit the same document (info aside)', () => {
    for (const v of VERSIONS.slice(1)) assert.notEqual(withoutInfo(doc(v)), withoutInfo(doc(previous(v))), `${v} equals ${previous(v)}`);
  });

  test('path, operation and server-action counts at 2.1 and 2.100', () => {
    const counts = (v: string) => ({ paths: Object.keys(doc(v).paths).length, operations: countOperations(doc(v)), serverActions: actionNames(doc(v)).length });
    assert.deepEqual(counts('2.1'), { paths: 123, operations: 186, serverActions: 40 });
    assert.deepEqual(counts('2.100'), { paths: 81, operations: 126, serverActions: 33 });
  });

  test('paths and operations at every version (they change only where the history says)', () => {
    // [first version, paths, operations], holding until the next row.
    const steps: [string, number, number][] = [
      ['2.1', 123, 186], ['2.6', 124, 187], ['2.11', 125, 188], ['2.22', 126, 189], ['2.23', 128, 191],
      ['2.24', 128, 192], ['2.26', 130, 198], ['2.36', 93, 139], ['2.39', 91, 133], ['2.43', 86, 127],
      ['2.44', 85, 126], ['2.53', 79, 121], ['2.55', 79, 122], ['2.78', 80, 123], ['2.81', 81, 124],
      ['2.88', 79, 122], ['2.97', 81, 126],
    ];
    const minor = (v: string) => Number(v.split('.')[1]);
    for (const v of VERSIONS) {
      const [, paths, operations] = steps.filter(([from]) => minor(from) <= minor(v)).pop()!;
      assert.deepEqual([Object.keys(doc(v).paths).length, countOperations(doc(v))], [paths, operations], v);
    }
  });

});
