package dev.tipflood.binding;


/**
 * Converts one YAML node to a model value, recording a located problem and returning
 * {@code null} when it cannot.
 */
@FunctionalInterface
public interface Conv<T> {
    T read(YNode node, String path, Problems problems);

    /** Records a problem at a node. */
    static void fail(Problems problems, YNode node, String path, String expected) {
        problems.add(node.line(), node.column(), path, node.display(), expected);
    }
}
