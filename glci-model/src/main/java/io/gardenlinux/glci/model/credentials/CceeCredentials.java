package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ccee} credential: an OpenStack user and the projects (one per region) images are published to.
 */
public record CceeCredentials(String name, String username, Secret password, List<OpenstackProject> projects) {

    public static final String TYPE = "ccee";

    public CceeCredentials {
        projects = List.copyOf(projects);
    }

    /** One OpenStack project: its name, domain (of the user and the project), region and Keystone URL. */
    public record OpenstackProject(String name, String domain, String region, String authUrl) {
    }

    static CceeCredentials read(String name, YamlNode a) {
        YamlNode credentials = a.get("credentials");
        String username = null;
        String password = null;
        if (credentials.isMissing()) {
            a.problem("missing key 'credentials'");
        } else if (credentials.expectObject("credentials")) {
            username = credentials.string("username");
            password = credentials.string("passwd");
        }
        List<OpenstackProject> projects = new ArrayList<>();
        for (YamlNode p : a.list("projects", true)) {
            String project = p.string("name");
            String domain = p.string("domain");
            String region = p.string("region");
            String authUrl = p.string("auth_url");
            if (YamlNode.allPresent(project, domain, region, authUrl)) {
                projects.add(new OpenstackProject(project, domain, region, authUrl));
            }
        }
        return YamlNode.allPresent(username, password)
                ? new CceeCredentials(name, username, Secret.of(password), projects)
                : null;
    }
}
