package dev.adfrest.camel.support;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void masksUserInfoAndCredentialQueryParameters() {
        assertThat(Masking.maskUrl("https://bob:hunter2@api.example.com/x?api_key=K1&limit=5&access_token=T&sig=S"))
                .isEqualTo("https://bob:xxxxxx@api.example.com/x?api_key=xxxxxx&limit=5&access_token=xxxxxx&sig=xxxxxx");
    }

    @Test
    void keepsPaginationCursorsVisible() {
        assertThat(Masking.maskUrl("https://api.example.com/x?pageToken=abc&nextPageToken=def&cursor=g&offset=10"))
                .isEqualTo("https://api.example.com/x?pageToken=abc&nextPageToken=def&cursor=g&offset=10");
    }

    @Test
    void scrubsKnownSecretValuesAnywhere() {
        Masking masking = Masking.of(List.of("s3cr3t-value", "k"));
        assertThat(masking.scrub("failed with s3cr3t-value in it")).isEqualTo("failed with xxxxxx in it");
        assertThat(masking.url("https://api.example.com/x?q=s3cr3t-value")).isEqualTo("https://api.example.com/x?q=xxxxxx");
    }
}
