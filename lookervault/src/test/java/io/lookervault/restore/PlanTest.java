package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {
    @Test
    void stepsFollowTheDependencyOrderOfTheIssue() {
        // NOTES §10.2, preceded by the instance (issue #11: ssh → connections → projects) and LookML model
        // configurations, which model sets, looks and dashboards name
        assertThat(RestoreOrder.stepNames()).containsExactly("ssh_servers", "ssh_tunnels", "external_oauth_applications",
                "connections", "projects", "lookml_models", "permission_sets", "datagroups", "color_collections", "themes",
                "defaults", "model_sets", "roles", "groups", "group_groups", "role_groups", "user_attributes",
                "integration_hubs", "integrations", "oauth_client_apps", "users", "folders", "user_home_folders", "looks", "dashboards",
                "lookml_dashboards", "content_access", "boards", "scheduled_plans", "alerts", "settings", "saml_config",
                "oidc_config", "ldap_config");
    }

    @Test
    void aStepWaitsForWhatItReferencesAndStepsWithNothingBetweenThemRunTogether() {
        java.util.Map<String, java.util.Set<String>> after = new java.util.HashMap<>();
        RestoreOrder.steps().forEach(s -> after.put(s.name(), s.after()));
        assertThat(after.get("dashboards")).contains("looks", "folders", "users", "lookml_models");
        assertThat(after.get("alerts")).contains("dashboards", "users");
        // issue #11: colours before the themes naming them, both (and the defaults) before dashboards
        assertThat(after.get("dashboards")).contains("themes", "color_collections");
        assertThat(after.get("themes")).contains("color_collections");
        assertThat(after.get("defaults")).contains("themes", "color_collections");
        assertThat(after.get("connections")).contains("external_oauth_applications");
        assertThat(after.get("datagroups")).contains("lookml_models");
        assertThat(after.get("integrations")).contains("integration_hubs");
        assertThat(after.get("oauth_client_apps")).contains("groups");
        for (String start : List.of("lookml_models", "permission_sets", "groups")) {
            assertThat(after.get(start)).as(start + " needs only the instance steps").containsExactly("projects");
        }
        assertThat(after.get("ldap_config")).as("auth configs after everything").hasSize(names().size() - 1);
        List<String> tail = List.of("content_access", "boards", "scheduled_plans", "alerts");
        for (String a : tail) {
            assertThat(after.get(a)).as(a + " does not wait for the other last steps").doesNotContainAnyElementsOf(tail);
        }
        List<String> names = names();
        // issue #12: folders, looks and dashboards wait item by item for the folders and looks they name, and start
        // once the rest is done, with what those steps needed (so a board, whose items wait for their dashboards,
        // still starts after the users owning it and the themes its dashboards name)
        java.util.Map<String, RestoreOrder.Step> step = new java.util.HashMap<>();
        RestoreOrder.steps().forEach(s -> step.put(s.name(), s));
        assertThat(step.get("folders").byItem()).containsExactly("folders");
        assertThat(step.get("looks").byItem()).containsExactly("folders");
        assertThat(step.get("dashboards").byItem()).containsExactlyInAnyOrder("folders", "looks");
        assertThat(step.get("dashboards").startsAfter()).contains("users", "lookml_models", "themes")
                .doesNotContain("folders", "looks");
        assertThat(step.get("boards").startsAfter()).contains("users", "lookml_models", "themes")
                .doesNotContain("looks", "dashboards");
        assertThat(step.get("content_access").byItem()).as("grants after all content (NOTES §10.2)").isEmpty();
        RestoreOrder.steps().forEach(s -> s.after().forEach(dep -> assertThat(names.indexOf(dep))
                .as(s.name() + " waits for " + dep + ", listed before it").isLessThan(names.indexOf(s.name()))));
    }

    private static List<String> names() {
        return RestoreOrder.stepNames();
    }

    @Test
    void optionsRejectUnknownTypesAndWorkersOutOfRange() {
        assertThatThrownBy(() -> new RestoreOptions(RestoreOptions.Command.BULK, List.of("dashbords"), List.of(), List.of(), false, null,
                null, 8, false)).hasMessageContaining("dashbords").hasMessageContaining("dashboards");
        assertThatThrownBy(() -> new RestoreOptions(RestoreOptions.Command.BULK, List.of(), List.of(), List.of(), false, null, null, 0,
                false)).hasMessageContaining("workers");
        assertThatThrownBy(() -> new RestoreOptions(RestoreOptions.Command.BULK, List.of(), List.of(), List.of(), false, null, null, 51,
                false)).hasMessageContaining("workers");
    }

    @Test
    void theResumeKeyIgnoresWorkersButNotScope() {
        RestoreOptions a = new RestoreOptions(RestoreOptions.Command.BULK, List.of(), List.of(), List.of("3"), true, null, null, 4, false);
        RestoreOptions b = new RestoreOptions(RestoreOptions.Command.BULK, List.of(), List.of(), List.of("3"), true, null, null, 16, false);
        RestoreOptions c = new RestoreOptions(RestoreOptions.Command.BULK, List.of(), List.of(), List.of("4"), true, null, null, 4, false);
        assertThat(a.key(1)).isEqualTo(b.key(1)).isNotEqualTo(c.key(1)).isNotEqualTo(a.key(2));
    }

    @Test
    void idsSortNumericallyWhereTheyAreNumbers() {
        List<String> ids = new java.util.ArrayList<>(List.of("10", "9", "100", "a::b", "1"));
        ids.sort(BackupSnapshot::compareIds);
        assertThat(ids).containsExactly("1", "9", "10", "100", "a::b");
    }
}
