package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One object file of a tree, read and checked.
 *
 * @param id    the object's id, or for a file written by hand without one, an id made from its path
 *              ({@code new-...}): restore finds no such object at the destination and creates it
 * @param isNew whether the id was made up here
 */
public record TreeFile(String path, String type, String id, boolean isNew, JsonNode doc) {}
