import * as migration_20261123_221710_initial from './20261123_221710_initial';
import * as migration_20261123_233433_video_stream_offset from './20261123_233433_video_stream_offset';
import * as migration_20261202_153845_rights_audit from './20261202_153845_rights_audit';
import * as migration_20261203_154324_licence_announce_at from './20261203_154324_licence_announce_at';
import * as migration_20261203_155402_availability_row_state from './20261203_155402_availability_row_state';
import * as migration_20261203_160731_sort_titles_search from './20261203_160731_sort_titles_search';
import * as migration_20261203_161654_reference_data from './20261203_161654_reference_data';
import * as migration_20261203_163911_rails from './20261203_163911_rails';
import * as migration_20261203_165658_avails_import from './20261203_165658_avails_import';
import * as migration_20261203_170846_merged_schema_snapshot from './20261203_170846_merged_schema_snapshot';
import * as migration_20261204_012805_texts_parent_indexes from './20261204_012805_texts_parent_indexes';
import * as migration_20261204_014620_localised_artwork from './20261204_014620_localised_artwork';
import * as migration_20261204_020817_image_purpose_variants from './20261204_020817_image_purpose_variants';
import * as migration_20261204_020847_drop_unneeded_image_sizes from './20261204_020847_drop_unneeded_image_sizes';
import * as migration_20261204_184502_avails_import_progress from './20261204_184502_avails_import_progress';

export const migrations = [
  {
    up: migration_20261123_221710_initial.up,
    down: migration_20261123_221710_initial.down,
    name: '20261123_221710_initial',
  },
  {
    up: migration_20261123_233433_video_stream_offset.up,
    down: migration_20261123_233433_video_stream_offset.down,
    name: '20261123_233433_video_stream_offset',
  },
  {
    up: migration_20261202_153845_rights_audit.up,
    down: migration_20261202_153845_rights_audit.down,
    name: '20261202_153845_rights_audit',
  },
  {
    up: migration_20261203_154324_licence_announce_at.up,
    down: migration_20261203_154324_licence_announce_at.down,
    name: '20261203_154324_licence_announce_at',
  },
  {
    up: migration_20261203_155402_availability_row_state.up,
    down: migration_20261203_155402_availability_row_state.down,
    name: '20261203_155402_availability_row_state',
  },
  {
    up: migration_20261203_160731_sort_titles_search.up,
    down: migration_20261203_160731_sort_titles_search.down,
    name: '20261203_160731_sort_titles_search',
  },
  {
    up: migration_20261203_161654_reference_data.up,
    down: migration_20261203_161654_reference_data.down,
    name: '20261203_161654_reference_data',
  },
  {
    up: migration_20261203_163911_rails.up,
    down: migration_20261203_163911_rails.down,
    name: '20261203_163911_rails',
  },
  {
    up: migration_20261203_165658_avails_import.up,
    down: migration_20261203_165658_avails_import.down,
    name: '20261203_165658_avails_import',
  },
  {
    up: migration_20261203_170846_merged_schema_snapshot.up,
    down: migration_20261203_170846_merged_schema_snapshot.down,
    name: '20261203_170846_merged_schema_snapshot',
  },
  {
    up: migration_20261204_012805_texts_parent_indexes.up,
    down: migration_20261204_012805_texts_parent_indexes.down,
    name: '20261204_012805_texts_parent_indexes',
  },
  {
    up: migration_20261204_014620_localised_artwork.up,
    down: migration_20261204_014620_localised_artwork.down,
    name: '20261204_014620_localised_artwork',
  },
  {
    up: migration_20261204_020817_image_purpose_variants.up,
    down: migration_20261204_020817_image_purpose_variants.down,
    name: '20261204_020817_image_purpose_variants',
  },
  {
    up: migration_20261204_020847_drop_unneeded_image_sizes.up,
    down: migration_20261204_020847_drop_unneeded_image_sizes.down,
    name: '20261204_020847_drop_unneeded_image_sizes',
  },
  {
    up: migration_20261204_184502_avails_import_progress.up,
    down: migration_20261204_184502_avails_import_progress.down,
    name: '20261204_184502_avails_import_progress'
  },
];
