import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'de', 'zh-Hans');
  CREATE TYPE "public"."enum_films_credits_role" AS ENUM('director', 'writer', 'actor', 'producer', 'composer');
  CREATE TYPE "public"."enum_films_ratings_system" AS ENUM('FSK', 'MPAA', 'TVPG', 'NRTA', 'BBFC', 'PEGI', 'ACB', 'CNC', 'KMRB', 'OTHER');
  CREATE TYPE "public"."enum_films_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__films_v_version_credits_role" AS ENUM('director', 'writer', 'actor', 'producer', 'composer');
  CREATE TYPE "public"."enum__films_v_version_ratings_system" AS ENUM('FSK', 'MPAA', 'TVPG', 'NRTA', 'BBFC', 'PEGI', 'ACB', 'CNC', 'KMRB', 'OTHER');
  CREATE TYPE "public"."enum__films_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__films_v_published_locale" AS ENUM('en', 'de', 'zh-Hans');
  CREATE TYPE "public"."enum_series_credits_role" AS ENUM('director', 'writer', 'actor', 'producer', 'composer');
  CREATE TYPE "public"."enum_series_ratings_system" AS ENUM('FSK', 'MPAA', 'TVPG', 'NRTA', 'BBFC', 'PEGI', 'ACB', 'CNC', 'KMRB', 'OTHER');
  CREATE TYPE "public"."enum_series_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__series_v_version_credits_role" AS ENUM('director', 'writer', 'actor', 'producer', 'composer');
  CREATE TYPE "public"."enum__series_v_version_ratings_system" AS ENUM('FSK', 'MPAA', 'TVPG', 'NRTA', 'BBFC', 'PEGI', 'ACB', 'CNC', 'KMRB', 'OTHER');
  CREATE TYPE "public"."enum__series_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__series_v_published_locale" AS ENUM('en', 'de', 'zh-Hans');
  CREATE TYPE "public"."enum_seasons_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__seasons_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__seasons_v_published_locale" AS ENUM('en', 'de', 'zh-Hans');
  CREATE TYPE "public"."enum_episodes_ratings_system" AS ENUM('FSK', 'MPAA', 'TVPG', 'NRTA', 'BBFC', 'PEGI', 'ACB', 'CNC', 'KMRB', 'OTHER');
  CREATE TYPE "public"."enum_episodes_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__episodes_v_version_ratings_system" AS ENUM('FSK', 'MPAA', 'TVPG', 'NRTA', 'BBFC', 'PEGI', 'ACB', 'CNC', 'KMRB', 'OTHER');
  CREATE TYPE "public"."enum__episodes_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__episodes_v_published_locale" AS ENUM('en', 'de', 'zh-Hans');
  CREATE TYPE "public"."enum_videos_playback_ids_policy" AS ENUM('signed', 'public');
  CREATE TYPE "public"."enum_videos_tracks_kind" AS ENUM('audio', 'text');
  CREATE TYPE "public"."enum_videos_status" AS ENUM('pending', 'uploading', 'preparing', 'ready', 'errored');
  CREATE TYPE "public"."enum_videos_playback_policy" AS ENUM('signed', 'public');
  CREATE TYPE "public"."enum_licences_formats" AS ENUM('sd', 'hd', 'uhd');
  CREATE TYPE "public"."enum_licences_kind" AS ENUM('grant', 'holdback');
  CREATE TYPE "public"."enum_licences_holdback_strength" AS ENUM('hard', 'soft');
  CREATE TYPE "public"."enum_licences_licence_type" AS ENUM('svod', 'avod', 'tvod', 'est', 'fvod');
  CREATE TYPE "public"."enum_regions_kind" AS ENUM('country', 'group');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'licensing');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "films_credits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"role" "enum_films_credits_role"
  );
  
  CREATE TABLE "films_credits_locales" (
  	"character" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "films_ratings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"territory" varchar,
  	"system" "enum_films_ratings_system",
  	"value" varchar,
  	"min_age" numeric
  );
  
  CREATE TABLE "films" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"release_year" numeric,
  	"original_language" varchar,
  	"poster_id" integer,
  	"backdrop_id" integer,
  	"external_ids_eidr" varchar,
  	"external_ids_imdb" varchar,
  	"cn_approval_number" varchar,
  	"runtime_minutes" numeric,
  	"video_id" integer,
  	"trailer_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_films_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "films_locales" (
  	"title" varchar,
  	"tagline" varchar,
  	"synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "films_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"genres_id" integer
  );
  
  CREATE TABLE "_films_v_version_credits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"role" "enum__films_v_version_credits_role",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_films_v_version_credits_locales" (
  	"character" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_films_v_version_ratings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"territory" varchar,
  	"system" "enum__films_v_version_ratings_system",
  	"value" varchar,
  	"min_age" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_films_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_release_year" numeric,
  	"version_original_language" varchar,
  	"version_poster_id" integer,
  	"version_backdrop_id" integer,
  	"version_external_ids_eidr" varchar,
  	"version_external_ids_imdb" varchar,
  	"version_cn_approval_number" varchar,
  	"version_runtime_minutes" numeric,
  	"version_video_id" integer,
  	"version_trailer_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__films_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__films_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_films_v_locales" (
  	"version_title" varchar,
  	"version_tagline" varchar,
  	"version_synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_films_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"genres_id" integer
  );
  
  CREATE TABLE "series_credits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"role" "enum_series_credits_role"
  );
  
  CREATE TABLE "series_credits_locales" (
  	"character" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "series_ratings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"territory" varchar,
  	"system" "enum_series_ratings_system",
  	"value" varchar,
  	"min_age" numeric
  );
  
  CREATE TABLE "series" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"release_year" numeric,
  	"original_language" varchar,
  	"poster_id" integer,
  	"backdrop_id" integer,
  	"external_ids_eidr" varchar,
  	"external_ids_imdb" varchar,
  	"cn_approval_number" varchar,
  	"trailer_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_series_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "series_locales" (
  	"title" varchar,
  	"tagline" varchar,
  	"synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "series_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"genres_id" integer
  );
  
  CREATE TABLE "_series_v_version_credits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"role" "enum__series_v_version_credits_role",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_series_v_version_credits_locales" (
  	"character" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_series_v_version_ratings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"territory" varchar,
  	"system" "enum__series_v_version_ratings_system",
  	"value" varchar,
  	"min_age" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_series_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_release_year" numeric,
  	"version_original_language" varchar,
  	"version_poster_id" integer,
  	"version_backdrop_id" integer,
  	"version_external_ids_eidr" varchar,
  	"version_external_ids_imdb" varchar,
  	"version_cn_approval_number" varchar,
  	"version_trailer_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__series_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__series_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_series_v_locales" (
  	"version_title" varchar,
  	"version_tagline" varchar,
  	"version_synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_series_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"genres_id" integer
  );
  
  CREATE TABLE "seasons" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"series_id" integer,
  	"season_number" numeric,
  	"poster_id" integer,
  	"cn_approval_number" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_seasons_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "seasons_locales" (
  	"title" varchar,
  	"synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_seasons_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_series_id" integer,
  	"version_season_number" numeric,
  	"version_poster_id" integer,
  	"version_cn_approval_number" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__seasons_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__seasons_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_seasons_v_locales" (
  	"version_title" varchar,
  	"version_synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "episodes_ratings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"territory" varchar,
  	"system" "enum_episodes_ratings_system",
  	"value" varchar,
  	"min_age" numeric
  );
  
  CREATE TABLE "episodes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"season_id" integer,
  	"episode_number" numeric,
  	"runtime_minutes" numeric,
  	"video_id" integer,
  	"cn_approval_number" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_episodes_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "episodes_locales" (
  	"title" varchar,
  	"synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "episodes_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"images_id" integer
  );
  
  CREATE TABLE "_episodes_v_version_ratings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"territory" varchar,
  	"system" "enum__episodes_v_version_ratings_system",
  	"value" varchar,
  	"min_age" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_episodes_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_season_id" integer,
  	"version_episode_number" numeric,
  	"version_runtime_minutes" numeric,
  	"version_video_id" integer,
  	"version_cn_approval_number" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__episodes_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__episodes_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_episodes_v_locales" (
  	"version_title" varchar,
  	"version_synopsis" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_episodes_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"images_id" integer
  );
  
  CREATE TABLE "people" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"photo_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "people_locales" (
  	"bio" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "genres" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "genres_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "images" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credit" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_poster_url" varchar,
  	"sizes_poster_width" numeric,
  	"sizes_poster_height" numeric,
  	"sizes_poster_mime_type" varchar,
  	"sizes_poster_filesize" numeric,
  	"sizes_poster_filename" varchar,
  	"sizes_backdrop_url" varchar,
  	"sizes_backdrop_width" numeric,
  	"sizes_backdrop_height" numeric,
  	"sizes_backdrop_mime_type" varchar,
  	"sizes_backdrop_filesize" numeric,
  	"sizes_backdrop_filename" varchar
  );
  
  CREATE TABLE "images_locales" (
  	"alt" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "videos_playback_ids" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"playback_id" varchar NOT NULL,
  	"policy" "enum_videos_playback_ids_policy" NOT NULL
  );
  
  CREATE TABLE "videos_tracks" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_videos_tracks_kind" NOT NULL,
  	"language_code" varchar,
  	"name" varchar,
  	"closed_captions" boolean,
  	"status" varchar,
  	"mux_track_id" varchar
  );
  
  CREATE TABLE "videos" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"status" "enum_videos_status" DEFAULT 'pending',
  	"playback_policy" "enum_videos_playback_policy" DEFAULT 'signed',
  	"source_url" varchar,
  	"mux_upload_id" varchar,
  	"mux_asset_id" varchar,
  	"duration" numeric,
  	"aspect_ratio" varchar,
  	"max_resolution" varchar,
  	"error_type" varchar,
  	"last_mux_event_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "videos_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "licences_formats" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_licences_formats",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "licences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"contract_id" varchar,
  	"licensor" varchar,
  	"kind" "enum_licences_kind" DEFAULT 'grant' NOT NULL,
  	"holdback_strength" "enum_licences_holdback_strength" DEFAULT 'hard',
  	"licence_type" "enum_licences_licence_type" NOT NULL,
  	"start" varchar NOT NULL,
  	"end" varchar,
  	"exclusive" boolean DEFAULT false,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "licences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"films_id" integer,
  	"series_id" integer,
  	"seasons_id" integer,
  	"episodes_id" integer,
  	"regions_id" integer
  );
  
  CREATE TABLE "regions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"kind" "enum_regions_kind" DEFAULT 'country' NOT NULL,
  	"time_zone" varchar,
  	"requires_approval_number" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "regions_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "regions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"regions_id" integer
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"films_id" integer,
  	"series_id" integer,
  	"seasons_id" integer,
  	"episodes_id" integer,
  	"people_id" integer,
  	"genres_id" integer,
  	"images_id" integer,
  	"videos_id" integer,
  	"licences_id" integer,
  	"regions_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "films_credits" ADD CONSTRAINT "films_credits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "films_credits" ADD CONSTRAINT "films_credits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "films_credits_locales" ADD CONSTRAINT "films_credits_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."films_credits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "films_ratings" ADD CONSTRAINT "films_ratings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "films" ADD CONSTRAINT "films_poster_id_images_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "films" ADD CONSTRAINT "films_backdrop_id_images_id_fk" FOREIGN KEY ("backdrop_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "films" ADD CONSTRAINT "films_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "films" ADD CONSTRAINT "films_trailer_id_videos_id_fk" FOREIGN KEY ("trailer_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "films_locales" ADD CONSTRAINT "films_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "films_rels" ADD CONSTRAINT "films_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "films_rels" ADD CONSTRAINT "films_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_films_v_version_credits" ADD CONSTRAINT "_films_v_version_credits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_films_v_version_credits" ADD CONSTRAINT "_films_v_version_credits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_films_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_films_v_version_credits_locales" ADD CONSTRAINT "_films_v_version_credits_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_films_v_version_credits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_films_v_version_ratings" ADD CONSTRAINT "_films_v_version_ratings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_films_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_films_v" ADD CONSTRAINT "_films_v_parent_id_films_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."films"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_films_v" ADD CONSTRAINT "_films_v_version_poster_id_images_id_fk" FOREIGN KEY ("version_poster_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_films_v" ADD CONSTRAINT "_films_v_version_backdrop_id_images_id_fk" FOREIGN KEY ("version_backdrop_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_films_v" ADD CONSTRAINT "_films_v_version_video_id_videos_id_fk" FOREIGN KEY ("version_video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_films_v" ADD CONSTRAINT "_films_v_version_trailer_id_videos_id_fk" FOREIGN KEY ("version_trailer_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_films_v_locales" ADD CONSTRAINT "_films_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_films_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_films_v_rels" ADD CONSTRAINT "_films_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_films_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_films_v_rels" ADD CONSTRAINT "_films_v_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "series_credits" ADD CONSTRAINT "series_credits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "series_credits" ADD CONSTRAINT "series_credits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "series_credits_locales" ADD CONSTRAINT "series_credits_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."series_credits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "series_ratings" ADD CONSTRAINT "series_ratings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "series" ADD CONSTRAINT "series_poster_id_images_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "series" ADD CONSTRAINT "series_backdrop_id_images_id_fk" FOREIGN KEY ("backdrop_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "series" ADD CONSTRAINT "series_trailer_id_videos_id_fk" FOREIGN KEY ("trailer_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "series_locales" ADD CONSTRAINT "series_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "series_rels" ADD CONSTRAINT "series_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "series_rels" ADD CONSTRAINT "series_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_series_v_version_credits" ADD CONSTRAINT "_series_v_version_credits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_series_v_version_credits" ADD CONSTRAINT "_series_v_version_credits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_series_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_series_v_version_credits_locales" ADD CONSTRAINT "_series_v_version_credits_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_series_v_version_credits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_series_v_version_ratings" ADD CONSTRAINT "_series_v_version_ratings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_series_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_series_v" ADD CONSTRAINT "_series_v_parent_id_series_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_series_v" ADD CONSTRAINT "_series_v_version_poster_id_images_id_fk" FOREIGN KEY ("version_poster_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_series_v" ADD CONSTRAINT "_series_v_version_backdrop_id_images_id_fk" FOREIGN KEY ("version_backdrop_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_series_v" ADD CONSTRAINT "_series_v_version_trailer_id_videos_id_fk" FOREIGN KEY ("version_trailer_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_series_v_locales" ADD CONSTRAINT "_series_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_series_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_series_v_rels" ADD CONSTRAINT "_series_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_series_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_series_v_rels" ADD CONSTRAINT "_series_v_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "seasons" ADD CONSTRAINT "seasons_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "seasons" ADD CONSTRAINT "seasons_poster_id_images_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "seasons_locales" ADD CONSTRAINT "seasons_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_seasons_v" ADD CONSTRAINT "_seasons_v_parent_id_seasons_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_seasons_v" ADD CONSTRAINT "_seasons_v_version_series_id_series_id_fk" FOREIGN KEY ("version_series_id") REFERENCES "public"."series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_seasons_v" ADD CONSTRAINT "_seasons_v_version_poster_id_images_id_fk" FOREIGN KEY ("version_poster_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_seasons_v_locales" ADD CONSTRAINT "_seasons_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_seasons_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "episodes_ratings" ADD CONSTRAINT "episodes_ratings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "episodes" ADD CONSTRAINT "episodes_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "episodes" ADD CONSTRAINT "episodes_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "episodes_locales" ADD CONSTRAINT "episodes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "episodes_rels" ADD CONSTRAINT "episodes_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "episodes_rels" ADD CONSTRAINT "episodes_rels_images_fk" FOREIGN KEY ("images_id") REFERENCES "public"."images"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_episodes_v_version_ratings" ADD CONSTRAINT "_episodes_v_version_ratings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_episodes_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_episodes_v" ADD CONSTRAINT "_episodes_v_parent_id_episodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."episodes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_episodes_v" ADD CONSTRAINT "_episodes_v_version_season_id_seasons_id_fk" FOREIGN KEY ("version_season_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_episodes_v" ADD CONSTRAINT "_episodes_v_version_video_id_videos_id_fk" FOREIGN KEY ("version_video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_episodes_v_locales" ADD CONSTRAINT "_episodes_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_episodes_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_episodes_v_rels" ADD CONSTRAINT "_episodes_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_episodes_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_episodes_v_rels" ADD CONSTRAINT "_episodes_v_rels_images_fk" FOREIGN KEY ("images_id") REFERENCES "public"."images"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "people" ADD CONSTRAINT "people_photo_id_images_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "people_locales" ADD CONSTRAINT "people_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "genres_locales" ADD CONSTRAINT "genres_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "images_locales" ADD CONSTRAINT "images_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."images"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "videos_playback_ids" ADD CONSTRAINT "videos_playback_ids_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "videos_tracks" ADD CONSTRAINT "videos_tracks_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "videos_texts" ADD CONSTRAINT "videos_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licences_formats" ADD CONSTRAINT "licences_formats_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."licences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licences_rels" ADD CONSTRAINT "licences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."licences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licences_rels" ADD CONSTRAINT "licences_rels_films_fk" FOREIGN KEY ("films_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licences_rels" ADD CONSTRAINT "licences_rels_series_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licences_rels" ADD CONSTRAINT "licences_rels_seasons_fk" FOREIGN KEY ("seasons_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licences_rels" ADD CONSTRAINT "licences_rels_episodes_fk" FOREIGN KEY ("episodes_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licences_rels" ADD CONSTRAINT "licences_rels_regions_fk" FOREIGN KEY ("regions_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "regions_locales" ADD CONSTRAINT "regions_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "regions_rels" ADD CONSTRAINT "regions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "regions_rels" ADD CONSTRAINT "regions_rels_regions_fk" FOREIGN KEY ("regions_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_films_fk" FOREIGN KEY ("films_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_series_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_seasons_fk" FOREIGN KEY ("seasons_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_episodes_fk" FOREIGN KEY ("episodes_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_images_fk" FOREIGN KEY ("images_id") REFERENCES "public"."images"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_videos_fk" FOREIGN KEY ("videos_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_licences_fk" FOREIGN KEY ("licences_id") REFERENCES "public"."licences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_regions_fk" FOREIGN KEY ("regions_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "films_credits_order_idx" ON "films_credits" USING btree ("_order");
  CREATE INDEX "films_credits_parent_id_idx" ON "films_credits" USING btree ("_parent_id");
  CREATE INDEX "films_credits_person_idx" ON "films_credits" USING btree ("person_id");
  CREATE UNIQUE INDEX "films_credits_locales_locale_parent_id_unique" ON "films_credits_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "films_ratings_order_idx" ON "films_ratings" USING btree ("_order");
  CREATE INDEX "films_ratings_parent_id_idx" ON "films_ratings" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "films_slug_idx" ON "films" USING btree ("slug");
  CREATE INDEX "films_poster_idx" ON "films" USING btree ("poster_id");
  CREATE INDEX "films_backdrop_idx" ON "films" USING btree ("backdrop_id");
  CREATE INDEX "films_video_idx" ON "films" USING btree ("video_id");
  CREATE INDEX "films_trailer_idx" ON "films" USING btree ("trailer_id");
  CREATE INDEX "films_updated_at_idx" ON "films" USING btree ("updated_at");
  CREATE INDEX "films_created_at_idx" ON "films" USING btree ("created_at");
  CREATE INDEX "films__status_idx" ON "films" USING btree ("_status");
  CREATE UNIQUE INDEX "films_locales_locale_parent_id_unique" ON "films_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "films_rels_order_idx" ON "films_rels" USING btree ("order");
  CREATE INDEX "films_rels_parent_idx" ON "films_rels" USING btree ("parent_id");
  CREATE INDEX "films_rels_path_idx" ON "films_rels" USING btree ("path");
  CREATE INDEX "films_rels_genres_id_idx" ON "films_rels" USING btree ("genres_id");
  CREATE INDEX "_films_v_version_credits_order_idx" ON "_films_v_version_credits" USING btree ("_order");
  CREATE INDEX "_films_v_version_credits_parent_id_idx" ON "_films_v_version_credits" USING btree ("_parent_id");
  CREATE INDEX "_films_v_version_credits_person_idx" ON "_films_v_version_credits" USING btree ("person_id");
  CREATE UNIQUE INDEX "_films_v_version_credits_locales_locale_parent_id_unique" ON "_films_v_version_credits_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_films_v_version_ratings_order_idx" ON "_films_v_version_ratings" USING btree ("_order");
  CREATE INDEX "_films_v_version_ratings_parent_id_idx" ON "_films_v_version_ratings" USING btree ("_parent_id");
  CREATE INDEX "_films_v_parent_idx" ON "_films_v" USING btree ("parent_id");
  CREATE INDEX "_films_v_version_version_slug_idx" ON "_films_v" USING btree ("version_slug");
  CREATE INDEX "_films_v_version_version_poster_idx" ON "_films_v" USING btree ("version_poster_id");
  CREATE INDEX "_films_v_version_version_backdrop_idx" ON "_films_v" USING btree ("version_backdrop_id");
  CREATE INDEX "_films_v_version_version_video_idx" ON "_films_v" USING btree ("version_video_id");
  CREATE INDEX "_films_v_version_version_trailer_idx" ON "_films_v" USING btree ("version_trailer_id");
  CREATE INDEX "_films_v_version_version_updated_at_idx" ON "_films_v" USING btree ("version_updated_at");
  CREATE INDEX "_films_v_version_version_created_at_idx" ON "_films_v" USING btree ("version_created_at");
  CREATE INDEX "_films_v_version_version__status_idx" ON "_films_v" USING btree ("version__status");
  CREATE INDEX "_films_v_created_at_idx" ON "_films_v" USING btree ("created_at");
  CREATE INDEX "_films_v_updated_at_idx" ON "_films_v" USING btree ("updated_at");
  CREATE INDEX "_films_v_snapshot_idx" ON "_films_v" USING btree ("snapshot");
  CREATE INDEX "_films_v_published_locale_idx" ON "_films_v" USING btree ("published_locale");
  CREATE INDEX "_films_v_latest_idx" ON "_films_v" USING btree ("latest");
  CREATE INDEX "_films_v_autosave_idx" ON "_films_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_films_v_locales_locale_parent_id_unique" ON "_films_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_films_v_rels_order_idx" ON "_films_v_rels" USING btree ("order");
  CREATE INDEX "_films_v_rels_parent_idx" ON "_films_v_rels" USING btree ("parent_id");
  CREATE INDEX "_films_v_rels_path_idx" ON "_films_v_rels" USING btree ("path");
  CREATE INDEX "_films_v_rels_genres_id_idx" ON "_films_v_rels" USING btree ("genres_id");
  CREATE INDEX "series_credits_order_idx" ON "series_credits" USING btree ("_order");
  CREATE INDEX "series_credits_parent_id_idx" ON "series_credits" USING btree ("_parent_id");
  CREATE INDEX "series_credits_person_idx" ON "series_credits" USING btree ("person_id");
  CREATE UNIQUE INDEX "series_credits_locales_locale_parent_id_unique" ON "series_credits_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "series_ratings_order_idx" ON "series_ratings" USING btree ("_order");
  CREATE INDEX "series_ratings_parent_id_idx" ON "series_ratings" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "series_slug_idx" ON "series" USING btree ("slug");
  CREATE INDEX "series_poster_idx" ON "series" USING btree ("poster_id");
  CREATE INDEX "series_backdrop_idx" ON "series" USING btree ("backdrop_id");
  CREATE INDEX "series_trailer_idx" ON "series" USING btree ("trailer_id");
  CREATE INDEX "series_updated_at_idx" ON "series" USING btree ("updated_at");
  CREATE INDEX "series_created_at_idx" ON "series" USING btree ("created_at");
  CREATE INDEX "series__status_idx" ON "series" USING btree ("_status");
  CREATE UNIQUE INDEX "series_locales_locale_parent_id_unique" ON "series_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "series_rels_order_idx" ON "series_rels" USING btree ("order");
  CREATE INDEX "series_rels_parent_idx" ON "series_rels" USING btree ("parent_id");
  CREATE INDEX "series_rels_path_idx" ON "series_rels" USING btree ("path");
  CREATE INDEX "series_rels_genres_id_idx" ON "series_rels" USING btree ("genres_id");
  CREATE INDEX "_series_v_version_credits_order_idx" ON "_series_v_version_credits" USING btree ("_order");
  CREATE INDEX "_series_v_version_credits_parent_id_idx" ON "_series_v_version_credits" USING btree ("_parent_id");
  CREATE INDEX "_series_v_version_credits_person_idx" ON "_series_v_version_credits" USING btree ("person_id");
  CREATE UNIQUE INDEX "_series_v_version_credits_locales_locale_parent_id_unique" ON "_series_v_version_credits_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_series_v_version_ratings_order_idx" ON "_series_v_version_ratings" USING btree ("_order");
  CREATE INDEX "_series_v_version_ratings_parent_id_idx" ON "_series_v_version_ratings" USING btree ("_parent_id");
  CREATE INDEX "_series_v_parent_idx" ON "_series_v" USING btree ("parent_id");
  CREATE INDEX "_series_v_version_version_slug_idx" ON "_series_v" USING btree ("version_slug");
  CREATE INDEX "_series_v_version_version_poster_idx" ON "_series_v" USING btree ("version_poster_id");
  CREATE INDEX "_series_v_version_version_backdrop_idx" ON "_series_v" USING btree ("version_backdrop_id");
  CREATE INDEX "_series_v_version_version_trailer_idx" ON "_series_v" USING btree ("version_trailer_id");
  CREATE INDEX "_series_v_version_version_updated_at_idx" ON "_series_v" USING btree ("version_updated_at");
  CREATE INDEX "_series_v_version_version_created_at_idx" ON "_series_v" USING btree ("version_created_at");
  CREATE INDEX "_series_v_version_version__status_idx" ON "_series_v" USING btree ("version__status");
  CREATE INDEX "_series_v_created_at_idx" ON "_series_v" USING btree ("created_at");
  CREATE INDEX "_series_v_updated_at_idx" ON "_series_v" USING btree ("updated_at");
  CREATE INDEX "_series_v_snapshot_idx" ON "_series_v" USING btree ("snapshot");
  CREATE INDEX "_series_v_published_locale_idx" ON "_series_v" USING btree ("published_locale");
  CREATE INDEX "_series_v_latest_idx" ON "_series_v" USING btree ("latest");
  CREATE INDEX "_series_v_autosave_idx" ON "_series_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_series_v_locales_locale_parent_id_unique" ON "_series_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_series_v_rels_order_idx" ON "_series_v_rels" USING btree ("order");
  CREATE INDEX "_series_v_rels_parent_idx" ON "_series_v_rels" USING btree ("parent_id");
  CREATE INDEX "_series_v_rels_path_idx" ON "_series_v_rels" USING btree ("path");
  CREATE INDEX "_series_v_rels_genres_id_idx" ON "_series_v_rels" USING btree ("genres_id");
  CREATE INDEX "seasons_series_idx" ON "seasons" USING btree ("series_id");
  CREATE INDEX "seasons_poster_idx" ON "seasons" USING btree ("poster_id");
  CREATE INDEX "seasons_updated_at_idx" ON "seasons" USING btree ("updated_at");
  CREATE INDEX "seasons_created_at_idx" ON "seasons" USING btree ("created_at");
  CREATE INDEX "seasons__status_idx" ON "seasons" USING btree ("_status");
  CREATE UNIQUE INDEX "series_seasonNumber_idx" ON "seasons" USING btree ("series_id","season_number");
  CREATE UNIQUE INDEX "seasons_locales_locale_parent_id_unique" ON "seasons_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_seasons_v_parent_idx" ON "_seasons_v" USING btree ("parent_id");
  CREATE INDEX "_seasons_v_version_version_series_idx" ON "_seasons_v" USING btree ("version_series_id");
  CREATE INDEX "_seasons_v_version_version_poster_idx" ON "_seasons_v" USING btree ("version_poster_id");
  CREATE INDEX "_seasons_v_version_version_updated_at_idx" ON "_seasons_v" USING btree ("version_updated_at");
  CREATE INDEX "_seasons_v_version_version_created_at_idx" ON "_seasons_v" USING btree ("version_created_at");
  CREATE INDEX "_seasons_v_version_version__status_idx" ON "_seasons_v" USING btree ("version__status");
  CREATE INDEX "_seasons_v_created_at_idx" ON "_seasons_v" USING btree ("created_at");
  CREATE INDEX "_seasons_v_updated_at_idx" ON "_seasons_v" USING btree ("updated_at");
  CREATE INDEX "_seasons_v_snapshot_idx" ON "_seasons_v" USING btree ("snapshot");
  CREATE INDEX "_seasons_v_published_locale_idx" ON "_seasons_v" USING btree ("published_locale");
  CREATE INDEX "_seasons_v_latest_idx" ON "_seasons_v" USING btree ("latest");
  CREATE INDEX "_seasons_v_autosave_idx" ON "_seasons_v" USING btree ("autosave");
  CREATE INDEX "version_series_version_seasonNumber_idx" ON "_seasons_v" USING btree ("version_series_id","version_season_number");
  CREATE UNIQUE INDEX "_seasons_v_locales_locale_parent_id_unique" ON "_seasons_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "episodes_ratings_order_idx" ON "episodes_ratings" USING btree ("_order");
  CREATE INDEX "episodes_ratings_parent_id_idx" ON "episodes_ratings" USING btree ("_parent_id");
  CREATE INDEX "episodes_season_idx" ON "episodes" USING btree ("season_id");
  CREATE INDEX "episodes_video_idx" ON "episodes" USING btree ("video_id");
  CREATE INDEX "episodes_updated_at_idx" ON "episodes" USING btree ("updated_at");
  CREATE INDEX "episodes_created_at_idx" ON "episodes" USING btree ("created_at");
  CREATE INDEX "episodes__status_idx" ON "episodes" USING btree ("_status");
  CREATE UNIQUE INDEX "season_episodeNumber_idx" ON "episodes" USING btree ("season_id","episode_number");
  CREATE UNIQUE INDEX "episodes_locales_locale_parent_id_unique" ON "episodes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "episodes_rels_order_idx" ON "episodes_rels" USING btree ("order");
  CREATE INDEX "episodes_rels_parent_idx" ON "episodes_rels" USING btree ("parent_id");
  CREATE INDEX "episodes_rels_path_idx" ON "episodes_rels" USING btree ("path");
  CREATE INDEX "episodes_rels_images_id_idx" ON "episodes_rels" USING btree ("images_id");
  CREATE INDEX "_episodes_v_version_ratings_order_idx" ON "_episodes_v_version_ratings" USING btree ("_order");
  CREATE INDEX "_episodes_v_version_ratings_parent_id_idx" ON "_episodes_v_version_ratings" USING btree ("_parent_id");
  CREATE INDEX "_episodes_v_parent_idx" ON "_episodes_v" USING btree ("parent_id");
  CREATE INDEX "_episodes_v_version_version_season_idx" ON "_episodes_v" USING btree ("version_season_id");
  CREATE INDEX "_episodes_v_version_version_video_idx" ON "_episodes_v" USING btree ("version_video_id");
  CREATE INDEX "_episodes_v_version_version_updated_at_idx" ON "_episodes_v" USING btree ("version_updated_at");
  CREATE INDEX "_episodes_v_version_version_created_at_idx" ON "_episodes_v" USING btree ("version_created_at");
  CREATE INDEX "_episodes_v_version_version__status_idx" ON "_episodes_v" USING btree ("version__status");
  CREATE INDEX "_episodes_v_created_at_idx" ON "_episodes_v" USING btree ("created_at");
  CREATE INDEX "_episodes_v_updated_at_idx" ON "_episodes_v" USING btree ("updated_at");
  CREATE INDEX "_episodes_v_snapshot_idx" ON "_episodes_v" USING btree ("snapshot");
  CREATE INDEX "_episodes_v_published_locale_idx" ON "_episodes_v" USING btree ("published_locale");
  CREATE INDEX "_episodes_v_latest_idx" ON "_episodes_v" USING btree ("latest");
  CREATE INDEX "_episodes_v_autosave_idx" ON "_episodes_v" USING btree ("autosave");
  CREATE INDEX "version_season_version_episodeNumber_idx" ON "_episodes_v" USING btree ("version_season_id","version_episode_number");
  CREATE UNIQUE INDEX "_episodes_v_locales_locale_parent_id_unique" ON "_episodes_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_episodes_v_rels_order_idx" ON "_episodes_v_rels" USING btree ("order");
  CREATE INDEX "_episodes_v_rels_parent_idx" ON "_episodes_v_rels" USING btree ("parent_id");
  CREATE INDEX "_episodes_v_rels_path_idx" ON "_episodes_v_rels" USING btree ("path");
  CREATE INDEX "_episodes_v_rels_images_id_idx" ON "_episodes_v_rels" USING btree ("images_id");
  CREATE INDEX "people_name_idx" ON "people" USING btree ("name");
  CREATE INDEX "people_photo_idx" ON "people" USING btree ("photo_id");
  CREATE INDEX "people_updated_at_idx" ON "people" USING btree ("updated_at");
  CREATE INDEX "people_created_at_idx" ON "people" USING btree ("created_at");
  CREATE UNIQUE INDEX "people_locales_locale_parent_id_unique" ON "people_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "genres_slug_idx" ON "genres" USING btree ("slug");
  CREATE INDEX "genres_updated_at_idx" ON "genres" USING btree ("updated_at");
  CREATE INDEX "genres_created_at_idx" ON "genres" USING btree ("created_at");
  CREATE UNIQUE INDEX "genres_locales_locale_parent_id_unique" ON "genres_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "images_updated_at_idx" ON "images" USING btree ("updated_at");
  CREATE INDEX "images_created_at_idx" ON "images" USING btree ("created_at");
  CREATE UNIQUE INDEX "images_filename_idx" ON "images" USING btree ("filename");
  CREATE INDEX "images_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "images" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "images_sizes_poster_sizes_poster_filename_idx" ON "images" USING btree ("sizes_poster_filename");
  CREATE INDEX "images_sizes_backdrop_sizes_backdrop_filename_idx" ON "images" USING btree ("sizes_backdrop_filename");
  CREATE UNIQUE INDEX "images_locales_locale_parent_id_unique" ON "images_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "videos_playback_ids_order_idx" ON "videos_playback_ids" USING btree ("_order");
  CREATE INDEX "videos_playback_ids_parent_id_idx" ON "videos_playback_ids" USING btree ("_parent_id");
  CREATE INDEX "videos_tracks_order_idx" ON "videos_tracks" USING btree ("_order");
  CREATE INDEX "videos_tracks_parent_id_idx" ON "videos_tracks" USING btree ("_parent_id");
  CREATE INDEX "videos_mux_upload_id_idx" ON "videos" USING btree ("mux_upload_id");
  CREATE INDEX "videos_mux_asset_id_idx" ON "videos" USING btree ("mux_asset_id");
  CREATE INDEX "videos_updated_at_idx" ON "videos" USING btree ("updated_at");
  CREATE INDEX "videos_created_at_idx" ON "videos" USING btree ("created_at");
  CREATE INDEX "videos_texts_order_parent" ON "videos_texts" USING btree ("order","parent_id");
  CREATE INDEX "licences_formats_order_idx" ON "licences_formats" USING btree ("order");
  CREATE INDEX "licences_formats_parent_idx" ON "licences_formats" USING btree ("parent_id");
  CREATE INDEX "licences_contract_id_idx" ON "licences" USING btree ("contract_id");
  CREATE INDEX "licences_updated_at_idx" ON "licences" USING btree ("updated_at");
  CREATE INDEX "licences_created_at_idx" ON "licences" USING btree ("created_at");
  CREATE INDEX "licences_rels_order_idx" ON "licences_rels" USING btree ("order");
  CREATE INDEX "licences_rels_parent_idx" ON "licences_rels" USING btree ("parent_id");
  CREATE INDEX "licences_rels_path_idx" ON "licences_rels" USING btree ("path");
  CREATE INDEX "licences_rels_films_id_idx" ON "licences_rels" USING btree ("films_id");
  CREATE INDEX "licences_rels_series_id_idx" ON "licences_rels" USING btree ("series_id");
  CREATE INDEX "licences_rels_seasons_id_idx" ON "licences_rels" USING btree ("seasons_id");
  CREATE INDEX "licences_rels_episodes_id_idx" ON "licences_rels" USING btree ("episodes_id");
  CREATE INDEX "licences_rels_regions_id_idx" ON "licences_rels" USING btree ("regions_id");
  CREATE UNIQUE INDEX "regions_code_idx" ON "regions" USING btree ("code");
  CREATE INDEX "regions_updated_at_idx" ON "regions" USING btree ("updated_at");
  CREATE INDEX "regions_created_at_idx" ON "regions" USING btree ("created_at");
  CREATE UNIQUE INDEX "regions_locales_locale_parent_id_unique" ON "regions_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "regions_rels_order_idx" ON "regions_rels" USING btree ("order");
  CREATE INDEX "regions_rels_parent_idx" ON "regions_rels" USING btree ("parent_id");
  CREATE INDEX "regions_rels_path_idx" ON "regions_rels" USING btree ("path");
  CREATE INDEX "regions_rels_regions_id_idx" ON "regions_rels" USING btree ("regions_id");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_films_id_idx" ON "payload_locked_documents_rels" USING btree ("films_id");
  CREATE INDEX "payload_locked_documents_rels_series_id_idx" ON "payload_locked_documents_rels" USING btree ("series_id");
  CREATE INDEX "payload_locked_documents_rels_seasons_id_idx" ON "payload_locked_documents_rels" USING btree ("seasons_id");
  CREATE INDEX "payload_locked_documents_rels_episodes_id_idx" ON "payload_locked_documents_rels" USING btree ("episodes_id");
  CREATE INDEX "payload_locked_documents_rels_people_id_idx" ON "payload_locked_documents_rels" USING btree ("people_id");
  CREATE INDEX "payload_locked_documents_rels_genres_id_idx" ON "payload_locked_documents_rels" USING btree ("genres_id");
  CREATE INDEX "payload_locked_documents_rels_images_id_idx" ON "payload_locked_documents_rels" USING btree ("images_id");
  CREATE INDEX "payload_locked_documents_rels_videos_id_idx" ON "payload_locked_documents_rels" USING btree ("videos_id");
  CREATE INDEX "payload_locked_documents_rels_licences_id_idx" ON "payload_locked_documents_rels" USING btree ("licences_id");
  CREATE INDEX "payload_locked_documents_rels_regions_id_idx" ON "payload_locked_documents_rels" USING btree ("regions_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "films_credits" CASCADE;
  DROP TABLE "films_credits_locales" CASCADE;
  DROP TABLE "films_ratings" CASCADE;
  DROP TABLE "films" CASCADE;
  DROP TABLE "films_locales" CASCADE;
  DROP TABLE "films_rels" CASCADE;
  DROP TABLE "_films_v_version_credits" CASCADE;
  DROP TABLE "_films_v_version_credits_locales" CASCADE;
  DROP TABLE "_films_v_version_ratings" CASCADE;
  DROP TABLE "_films_v" CASCADE;
  DROP TABLE "_films_v_locales" CASCADE;
  DROP TABLE "_films_v_rels" CASCADE;
  DROP TABLE "series_credits" CASCADE;
  DROP TABLE "series_credits_locales" CASCADE;
  DROP TABLE "series_ratings" CASCADE;
  DROP TABLE "series" CASCADE;
  DROP TABLE "series_locales" CASCADE;
  DROP TABLE "series_rels" CASCADE;
  DROP TABLE "_series_v_version_credits" CASCADE;
  DROP TABLE "_series_v_version_credits_locales" CASCADE;
  DROP TABLE "_series_v_version_ratings" CASCADE;
  DROP TABLE "_series_v" CASCADE;
  DROP TABLE "_series_v_locales" CASCADE;
  DROP TABLE "_series_v_rels" CASCADE;
  DROP TABLE "seasons" CASCADE;
  DROP TABLE "seasons_locales" CASCADE;
  DROP TABLE "_seasons_v" CASCADE;
  DROP TABLE "_seasons_v_locales" CASCADE;
  DROP TABLE "episodes_ratings" CASCADE;
  DROP TABLE "episodes" CASCADE;
  DROP TABLE "episodes_locales" CASCADE;
  DROP TABLE "episodes_rels" CASCADE;
  DROP TABLE "_episodes_v_version_ratings" CASCADE;
  DROP TABLE "_episodes_v" CASCADE;
  DROP TABLE "_episodes_v_locales" CASCADE;
  DROP TABLE "_episodes_v_rels" CASCADE;
  DROP TABLE "people" CASCADE;
  DROP TABLE "people_locales" CASCADE;
  DROP TABLE "genres" CASCADE;
  DROP TABLE "genres_locales" CASCADE;
  DROP TABLE "images" CASCADE;
  DROP TABLE "images_locales" CASCADE;
  DROP TABLE "videos_playback_ids" CASCADE;
  DROP TABLE "videos_tracks" CASCADE;
  DROP TABLE "videos" CASCADE;
  DROP TABLE "videos_texts" CASCADE;
  DROP TABLE "licences_formats" CASCADE;
  DROP TABLE "licences" CASCADE;
  DROP TABLE "licences_rels" CASCADE;
  DROP TABLE "regions" CASCADE;
  DROP TABLE "regions_locales" CASCADE;
  DROP TABLE "regions_rels" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_films_credits_role";
  DROP TYPE "public"."enum_films_ratings_system";
  DROP TYPE "public"."enum_films_status";
  DROP TYPE "public"."enum__films_v_version_credits_role";
  DROP TYPE "public"."enum__films_v_version_ratings_system";
  DROP TYPE "public"."enum__films_v_version_status";
  DROP TYPE "public"."enum__films_v_published_locale";
  DROP TYPE "public"."enum_series_credits_role";
  DROP TYPE "public"."enum_series_ratings_system";
  DROP TYPE "public"."enum_series_status";
  DROP TYPE "public"."enum__series_v_version_credits_role";
  DROP TYPE "public"."enum__series_v_version_ratings_system";
  DROP TYPE "public"."enum__series_v_version_status";
  DROP TYPE "public"."enum__series_v_published_locale";
  DROP TYPE "public"."enum_seasons_status";
  DROP TYPE "public"."enum__seasons_v_version_status";
  DROP TYPE "public"."enum__seasons_v_published_locale";
  DROP TYPE "public"."enum_episodes_ratings_system";
  DROP TYPE "public"."enum_episodes_status";
  DROP TYPE "public"."enum__episodes_v_version_ratings_system";
  DROP TYPE "public"."enum__episodes_v_version_status";
  DROP TYPE "public"."enum__episodes_v_published_locale";
  DROP TYPE "public"."enum_videos_playback_ids_policy";
  DROP TYPE "public"."enum_videos_tracks_kind";
  DROP TYPE "public"."enum_videos_status";
  DROP TYPE "public"."enum_videos_playback_policy";
  DROP TYPE "public"."enum_licences_formats";
  DROP TYPE "public"."enum_licences_kind";
  DROP TYPE "public"."enum_licences_holdback_strength";
  DROP TYPE "public"."enum_licences_licence_type";
  DROP TYPE "public"."enum_regions_kind";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
