using k8s.Models;
using Velero.Api.V1;
using Velero.Selection.Validation;

namespace Velero.Selection.Tests.Validation;

/// <summary>The init-container hook checks of <c>validateAndComplete</c> (<c>hook.ValidateContainer</c>) in upstream's restore controller.</summary>
public sealed class RestoreHookValidatorTests
{
    private static Restore With(params V1Container?[] containers) => new()
    {
        Spec = new RestoreSpec
        {
            BackupName = "b1",
            Hooks = new RestoreHooks
            {
                Resources =
                [
                    new RestoreResourceHookSpec
                    {
                        Name = "h",
                        PostHooks =
                        [
                            new RestoreResourceHook { Exec = new ExecRestoreHook { Command = ["x"] } },
                            new RestoreResourceHook { Init = new InitRestoreHook { InitContainers = [.. containers.Select(c => c!)] } },
                        ],
                    },
                ],
            },
        },
    };

    [Fact]
    public void Complete_init_containers_and_exec_hooks_are_valid()
    {
        Assert.Empty(RestoreHookValidator.Validate(With(new V1Container { Name = "a", Image = "busybox", Command = ["true"] })));
        Assert.Empty(RestoreHookValidator.Validate(new Restore { Spec = new RestoreSpec { BackupName = "b1" } }));
    }

    [Fact]
    public void Each_init_container_lacking_name_image_or_command_is_one_error_in_upstreams_words()
    {
        var errors = RestoreHookValidator.Validate(With(
            new V1Container { Image = "busybox", Command = ["true"] },
            new V1Container { Name = "a", Command = ["true"] },
            new V1Container { Name = "a", Image = "busybox", Command = [] },
            new V1Container { Name = "ok", Image = "busybox", Command = ["true"] },
            null));

        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal("invalid InitContainer in restore hook, it doesn't have Command, Name or Image field", e));
    }
}
