/** Union-find whose root is always the smallest index, so grouping does not depend on link order. */
export function makeUnionFind(size: number): { find(index: number): number; union(x: number, y: number): void } {
  const parent = Array.from({ length: size }, (_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    // Path compression: point every node on the way straight at the root.
    for (let node = index; node !== root; ) {
      const next = parent[node]!;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  return {
    find,
    union(x, y) {
      const [rootX, rootY] = [find(x), find(y)];
      parent[Math.max(rootX, rootY)] = Math.min(rootX, rootY);
    },
  };
}
