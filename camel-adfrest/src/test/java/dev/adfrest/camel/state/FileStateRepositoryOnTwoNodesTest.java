package dev.adfrest.camel.state;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why docs/clustering.md says camel-support's FileStateRepository cannot serve two nodes, even on a shared file
 * system: it reads the file once, when it starts, and answers every getState from that copy; it appends each save to
 * the file; and when it stops it rewrites the file from its own copy.
 */
class FileStateRepositoryOnTwoNodesTest {

    @TempDir
    Path dir;

    private FileStateRepository node() {
        FileStateRepository repository = FileStateRepository.fileStateRepository(new File(dir.toFile(), "state.dat"));
        repository.start();
        return repository;
    }

    @Test
    void aSecondNodeNeverSeesWhatTheFirstSavedAfterItStarted() {
        FileStateRepository leader = node();
        FileStateRepository follower = node();

        leader.setState("copy", "page 7");

        assertThat(follower.getState("copy")).isNull(); // the leader dies now: the follower would start at page 1
        assertThat(node().getState("copy")).isEqualTo("page 7"); // only a node started later reads it
    }

    @Test
    void aNodeThatStopsOverwritesTheFileWithItsOwnOldCopy() {
        FileStateRepository leader = node();
        FileStateRepository follower = node();
        leader.setState("copy", "page 7");

        follower.stop(); // e.g. the follower is redeployed

        assertThat(node().getState("copy")).isNull(); // the leader's position is gone from the file
    }
}
