import * as migration_20261123_221704_initial from './20261123_221704_initial';

export const migrations = [
  {
    up: migration_20261123_221704_initial.up,
    down: migration_20261123_221704_initial.down,
    name: '20261123_221704_initial'
  },
];
