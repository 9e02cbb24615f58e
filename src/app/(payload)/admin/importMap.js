import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AvailabilityPanel as AvailabilityPanel_c00c35ea68498ba7989494a643e45767 } from '../../../../src/admin/AvailabilityPanel'
import { TitleTimeline as TitleTimeline_bb569b1e08ffc3fdd05763d6882328ff } from '../../../../src/admin/TitleTimeline'
import { VideoMuxPanel as VideoMuxPanel_ccce295647206252fbae07ee14e09232 } from '../../../../src/plugins/mux/components/VideoMuxPanel'
import { VideoStatusCell as VideoStatusCell_e9a8802fc512d8e4ac9829fdf95400ed } from '../../../../src/plugins/mux/components/VideoStatusCell'
import { VideoStatusField as VideoStatusField_7f723582ef6d02b84c119e967983f107 } from '../../../../src/plugins/mux/components/VideoStatusField'
import { AvailsImportLink as AvailsImportLink_4464cbe4ab746c62ab8b90895a67969a } from '../../../../src/admin/AvailsImportLink'
import { RightsNavLink as RightsNavLink_670f5b8c9fb2380cc452b53996ea9788 } from '../../../../src/admin/RightsNavLink'
import { AvailabilityMatrixNavLink as AvailabilityMatrixNavLink_18c581d42c1f1b3f21d9fe1e6e4612e8 } from '../../../../src/admin/AvailabilityMatrixNavLink'
import { AvailsImportNavLink as AvailsImportNavLink_a56243f0faacc4d2bcbf9e789c6a6e97 } from '../../../../src/admin/AvailsImportNavLink'
import { RoleDashboard as RoleDashboard_f9c0dbfb852ca7a35d477118fcd09568 } from '../../../../src/admin/dashboard/RoleDashboard'
import { AvailabilityMatrixView as AvailabilityMatrixView_87674b278b4cb7acd977418e78233956 } from '../../../../src/admin/views/AvailabilityMatrixView'
import { AvailsImportView as AvailsImportView_4a2a09ef5a504dcdbab9c59a0be7a3ff } from '../../../../src/admin/views/AvailsImportView'
import { RightsReportsView as RightsReportsView_84e78e0cad7915d3d6deeca43af172a1 } from '../../../../src/admin/views/RightsReportsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/AvailabilityPanel#AvailabilityPanel": AvailabilityPanel_c00c35ea68498ba7989494a643e45767,
  "/src/admin/TitleTimeline#TitleTimeline": TitleTimeline_bb569b1e08ffc3fdd05763d6882328ff,
  "/src/plugins/mux/components/VideoMuxPanel#VideoMuxPanel": VideoMuxPanel_ccce295647206252fbae07ee14e09232,
  "/src/plugins/mux/components/VideoStatusCell#VideoStatusCell": VideoStatusCell_e9a8802fc512d8e4ac9829fdf95400ed,
  "/src/plugins/mux/components/VideoStatusField#VideoStatusField": VideoStatusField_7f723582ef6d02b84c119e967983f107,
  "/src/admin/AvailsImportLink#AvailsImportLink": AvailsImportLink_4464cbe4ab746c62ab8b90895a67969a,
  "/src/admin/RightsNavLink#RightsNavLink": RightsNavLink_670f5b8c9fb2380cc452b53996ea9788,
  "/src/admin/AvailabilityMatrixNavLink#AvailabilityMatrixNavLink": AvailabilityMatrixNavLink_18c581d42c1f1b3f21d9fe1e6e4612e8,
  "/src/admin/AvailsImportNavLink#AvailsImportNavLink": AvailsImportNavLink_a56243f0faacc4d2bcbf9e789c6a6e97,
  "/src/admin/dashboard/RoleDashboard#RoleDashboard": RoleDashboard_f9c0dbfb852ca7a35d477118fcd09568,
  "/src/admin/views/AvailabilityMatrixView#AvailabilityMatrixView": AvailabilityMatrixView_87674b278b4cb7acd977418e78233956,
  "/src/admin/views/AvailsImportView#AvailsImportView": AvailsImportView_4a2a09ef5a504dcdbab9c59a0be7a3ff,
  "/src/admin/views/RightsReportsView#RightsReportsView": RightsReportsView_84e78e0cad7915d3d6deeca43af172a1,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
