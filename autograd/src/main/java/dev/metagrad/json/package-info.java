/**
 * Dependency-free JSON: {@link dev.metagrad.json.Json} parses text into plain Java values (ordered maps,
 * lists, doubles, strings, booleans, null) and writes them back. Used by the golden conformance runner
 * and by the safetensors header reader and writer.
 */
package dev.metagrad.json;
