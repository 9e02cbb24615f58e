import * as migration_20261123_221704_initial from './20261123_221704_initial';
import * as migration_20261123_233431_video_stream_offset from './20261123_233431_video_stream_offset';

export const migrations = [
  {
    up: migration_20261123_221704_initial.up,
    down: migration_20261123_221704_initial.down,
    name: '20261123_221704_initial',
  },
  {
    up: migration_20261123_233431_video_stream_offset.up,
    down: migration_20261123_233431_video_stream_offset.down,
    name: '20261123_233431_video_stream_offset'
  },
];
