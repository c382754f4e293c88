/**
 * The web UI's mail viewer side: the single page and its files from the jar ({@code ui/}), the
 * viewer's JSON reads ({@code /api/ui/...}), message HTML in a sandbox, and the live event stream
 * ({@code /api/events}). Everything here only reads the store, the decision log and the directory;
 * deleting mail goes through the JSON API's routes.
 *
 * <pre>{@code
 * new WebUi(directory, store, decisions).install(router);
 * }</pre>
 */
package dev.behalf.gateway.http.ui;
