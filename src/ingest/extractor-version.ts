/**
 * Version of what the pipeline extracts from a text. Bump it by hand in any change that alters extraction
 * output (metadata, figures, summaries, keywords, outline, normalize): at the next start every stored report
 * of another version is re-extracted from its stored original, so an upgraded database does not keep the
 * facts the old code got wrong. Reports stored before versions existed carry 0.
 */
export const EXTRACTOR_VERSION = 3;
