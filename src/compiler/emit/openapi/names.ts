// Names of emitted components: derived from operationIds and action names, so they are stable
// across versions and read well in generated code (no Schema1, no InlineResponse200).

export function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export const requestName = (operationId: string) => `${pascal(operationId)}Request`;
export const responseName = (operationId: string, status: string, onlySuccess: boolean) =>
  `${pascal(operationId)}Response${onlySuccess ? '' : status}`;
export const actionRequestName = (operationId: string, action: string) => `${pascal(operationId)}${pascal(action)}Request`;
export const actionResponseName = (operationId: string, action: string, status: string) => `${pascal(operationId)}${pascal(action)}Response${status}`;
export const errorResponseName = (fault: string) => pascal(fault);
/** The body schema of a shared error response: BadRequest → BadRequestError. */
export const errorBodyName = (responseName: string) => `${responseName}Error`;
export const schemaRef = (name: string) => `#/components/schemas/${name}`;
export const headerParamName = (name: string) => pascal(name) + 'Header';
