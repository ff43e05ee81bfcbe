/**
 * The permissions docs/privacy.md justifies, read from its "## Permissions" list, and the
 * permissions a built manifest asks for. The manifest test compares the two; the store
 * listing prints the same justifications, so the policy is their one source.
 */

export type PermissionKind = 'required' | 'optional';

export interface JustifiedPermission {
  name: string;
  kind: PermissionKind;
  why: string;
}

export interface AskedPermission {
  name: string;
  kind: PermissionKind;
}

/** The manifest fields (MV2 and MV3) through which an extension asks for permissions. */
interface ManifestPermissionFields {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
}

const PERMISSION_LINE = /^- `([^`]+)` \((required|optional)\): (.+)$/;

/** Every `- \`name\` (required|optional): why` line of the policy's "## Permissions" section. */
export function readJustifiedPermissions(privacyMarkdown: string): JustifiedPermission[] {
  const section = privacyMarkdown.split(/^## /m).find((part) => part.startsWith('Permissions\n'));
  if (!section) throw new Error('docs/privacy.md has no "## Permissions" section');
  const permissions: JustifiedPermission[] = [];
  for (const line of section.split('\n')) {
    const match = PERMISSION_LINE.exec(line);
    if (match) permissions.push({ name: match[1]!, kind: match[2] as PermissionKind, why: match[3]! });
  }
  return permissions;
}

/** What a built manifest asks for; content-script match patterns count as required hosts. */
export function askedPermissions(manifest: ManifestPermissionFields): AskedPermission[] {
  const required = [
    ...(manifest.permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  ];
  const optional = [...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  const asked = new Map<string, AskedPermission>();
  for (const name of optional) asked.set(name, { name, kind: 'optional' });
  for (const name of required) asked.set(name, { name, kind: 'required' });
  return [...asked.values()];
}

/**
 * The permissions a manifest asks for beyond what the policy justifies, as sentences.
 * Asking at install for a permission the policy calls optional counts as beyond.
 */
export function unjustifiedPermissions(asked: AskedPermission[], justified: JustifiedPermission[]): string[] {
  const byName = new Map(justified.map((permission) => [permission.name, permission]));
  const problems: string[] = [];
  for (const permission of asked) {
    const known = byName.get(permission.name);
    if (!known) problems.push(`"${permission.name}" is not justified in docs/privacy.md`);
    else if (permission.kind === 'required' && known.kind === 'optional') {
      problems.push(`"${permission.name}" is asked for at install, but docs/privacy.md says it is optional`);
    }
  }
  return problems;
}
