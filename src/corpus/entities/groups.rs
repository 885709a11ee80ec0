//! Which sources are one entity so far: a union-find that refuses any union joining two
//! sources a person judged different (nomenklatura's "not same" wins over every rule).

/// Union-find over sources that refuses any union joining a pair judged different.
pub(super) struct Groups {
    parent: Vec<usize>,
    /// Per root: the sources its members were judged different from.
    enemies: Vec<Vec<usize>>,
}

impl Groups {
    pub(super) fn new(n: usize, different: &[(usize, usize)]) -> Groups {
        let mut enemies = vec![Vec::new(); n];
        for &(a, b) in different {
            if a < n && b < n && a != b {
                enemies[a].push(b);
                enemies[b].push(a);
            }
        }
        Groups {
            parent: (0..n).collect(),
            enemies,
        }
    }

    pub(super) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the groups of `a` and `b` unless one holds a source judged different from one
    /// of the other. Whether they are one group after.
    pub(super) fn union(&mut self, a: usize, b: usize) -> bool {
        if a >= self.parent.len() || b >= self.parent.len() {
            return false;
        }
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let enemies = std::mem::take(&mut self.enemies[ra]);
        let refused = enemies.iter().any(|&e| self.find(e) == rb);
        self.enemies[ra] = enemies;
        if refused {
            return false;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        let moved = std::mem::take(&mut self.enemies[child]);
        self.enemies[root].extend(moved);
        true
    }
}
