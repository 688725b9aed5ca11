/** Folders arrive flat; the sidebar shows them nested by parent_id. */
export interface FolderLike {
  id: string;
  name: string;
  parent_id: string | null;
  flow_count: number;
}

export interface FolderRow<F extends FolderLike> {
  folder: F;
  depth: number;
}

/** Depth-first, alphabetical; folders whose parent is missing (or that form a cycle) go to the top level. */
export function flattenFolderTree<F extends FolderLike>(folders: readonly F[]): FolderRow<F>[] {
  const ids = new Set(folders.map((f) => f.id));
  const children = new Map<string | null, F[]>();
  for (const f of folders) {
    const parent = f.parent_id && ids.has(f.parent_id) && f.parent_id !== f.id ? f.parent_id : null;
    const list = children.get(parent);
    if (list) list.push(f);
    else children.set(parent, [f]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const out: FolderRow<F>[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const f of children.get(parent) ?? []) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ folder: f, depth });
      walk(f.id, depth + 1);
    }
  };
  walk(null, 0);
  // Anything unreachable (a cycle) still shows up.
  for (const f of folders) if (!seen.has(f.id)) out.push({ folder: f, depth: 0 });
  return out;
}

/** The folder and all folders under it (a folder can't move into one of these). */
export function descendantsOf(folders: readonly FolderLike[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of folders) {
      if (f.parent_id && out.has(f.parent_id) && !out.has(f.id)) {
        out.add(f.id);
        grew = true;
      }
    }
  }
  return out;
}
