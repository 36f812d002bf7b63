package dev.adfrest.camel.springboot;

import java.util.Map;

import dev.adfrest.camel.AdfRestComponent;
import dev.adfrest.camel.AdfRestConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When the starter applies camel.component.adfrest.* and when not: as Camel's own starters. */
class AutoConfigurationTest {

    private final ApplicationContextRunner withStarter = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, AdfRestComponentConverter.class,
                    AdfRestComponentAutoConfiguration.class));

    @Test
    void everyKindOfPropertyReachesTheComponent() {
        withStarter.withPropertyValues(
                "camel.component.adfrest.user-name=svc",
                "camel.component.adfrest.aad-resource-id=https://management.core.windows.net",
                "camel.component.adfrest.max-retries=5",
                "camel.component.adfrest.max-response-size=1048576",
                "camel.component.adfrest.keep-query-parameters=true",
                "camel.component.adfrest.auth-headers[X-Api-Key]=k-1",
                "camel.component.adfrest.additional-headers[x-user-defined]=hello",
                "camel.component.adfrest.pagination-rules[QueryParameters.page]=RANGE:1::1",
                "camel.component.adfrest.pagination-rules[AbsoluteUrl]=$.next")
                .run(context -> {
                    AdfRestConfiguration config = configuration(context);
                    assertThat(config.getUserName()).isEqualTo("svc");
                    assertThat(config.getAadResourceId()).isEqualTo("https://management.core.windows.net");
                    assertThat(config.getMaxRetries()).isEqualTo(5);
                    assertThat(config.getMaxResponseSize()).isEqualTo(1048576L);
                    assertThat(config.isKeepQueryParameters()).isTrue();
                    assertThat(config.getAuthHeaders()).isEqualTo(Map.of("X-Api-Key", "k-1"));
                    assertThat(config.getAdditionalHeaders()).isEqualTo(Map.of("x-user-defined", "hello"));
                    assertThat(config.getPaginationRules())
                            .isEqualTo(Map.of("QueryParameters.page", "RANGE:1::1", "AbsoluteUrl", "$.next"));
                });
    }

    @Test
    void camelPlaceholdersInValuesAreResolvedByCamel() {
        // the way {{azure:name}} (Camel's Azure Key Vault function) reaches a secret option
        withStarter.withPropertyValues("camel.component.adfrest.password={{api.password}}", "api.password=pw-1")
                .run(context -> assertThat(configuration(context).getPassword()).isEqualTo("pw-1"));
    }

    @Test
    void beanValuedOptionsTakeAReference() {
        MemoryStateRepository copyState = new MemoryStateRepository();
        withStarter.withBean("copyState", MemoryStateRepository.class, () -> copyState)
                .withPropertyValues("camel.component.adfrest.state-repository=#bean:copyState")
                .run(context -> assertThat(configuration(context).getStateRepository()).isSameAs(copyState));
    }

    @Test
    void aConfigurationBeanKeepsItsValuesWhereNoPropertyIsSet() {
        AdfRestConfiguration linkedService = new AdfRestConfiguration();
        linkedService.setRequestInterval("0");
        linkedService.setUserName("from-bean");
        linkedService.setMaxRetries(7);
        withStarter.withBean("linkedService", AdfRestConfiguration.class, () -> linkedService)
                .withPropertyValues("camel.component.adfrest.configuration=#linkedService",
                        "camel.component.adfrest.user-name=from-properties")
                .run(context -> {
                    AdfRestConfiguration config = configuration(context);
                    assertThat(config.getUserName()).isEqualTo("from-properties");
                    assertThat(config.getRequestInterval()).isEqualTo("0");
                    assertThat(config.getMaxRetries()).isEqualTo(7);
                });
    }

    @Test
    void offWhenTheComponentIsDisabled() {
        withStarter.withPropertyValues("camel.component.adfrest.enabled=false", "camel.component.adfrest.user-name=svc")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(AdfRestComponentAutoConfiguration.class);
                    assertThat(configuration(context).getUserName()).isNull();
                });
    }

    @Test
    void offWhenComponentsAreDisabledUnlessThisOneIsEnabled() {
        withStarter.withPropertyValues("camel.component.enabled=false", "camel.component.adfrest.user-name=svc")
                .run(context -> assertThat(configuration(context).getUserName()).isNull());
        withStarter.withPropertyValues("camel.component.enabled=false", "camel.component.adfrest.enabled=true",
                "camel.component.adfrest.user-name=svc")
                .run(context -> assertThat(configuration(context).getUserName()).isEqualTo("svc"));
    }

    @Test
    void offWhenItsCustomizerIsDisabled() {
        withStarter.withPropertyValues("camel.component.adfrest.customizer.enabled=false",
                "camel.component.adfrest.user-name=svc")
                .run(context -> assertThat(configuration(context).getUserName()).isNull());
    }

    @Test
    void withoutTheStarterSpringBootIgnoresTheProperties() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class))
                .withPropertyValues("camel.component.adfrest.user-name=svc")
                .run(context -> assertThat(configuration(context).getUserName()).isNull());
    }

    @Test
    void aValueOfTheWrongTypeFailsTheStartNamingTheProperty() {
        withStarter.withPropertyValues("camel.component.adfrest.max-retries=three")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("camel.component.adfrest.max-retries"));
    }

    private static AdfRestConfiguration configuration(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class).getComponent("adfrest", AdfRestComponent.class).getConfiguration();
    }
}
