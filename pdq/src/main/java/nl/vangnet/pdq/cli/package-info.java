/**
 * The {@code vangnet-pdq.jar} command line: hash image files and match hashes against a list,
 * using only the public API of {@code nl.vangnet.pdq}.
 */
package nl.vangnet.pdq.cli;
