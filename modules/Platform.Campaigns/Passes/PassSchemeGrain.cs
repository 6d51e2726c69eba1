using System.Text.RegularExpressions;
using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Passes;

[GrainType("campaigns.pass_scheme")]
internal sealed partial class PassSchemeGrain(EventWriter writer) : Grain, IPassSchemeGrain
{
    public Task<CommandResult> NameAsync(NamePassCategories c, CommandContext context) =>
        writer.WriteAsync<PassScheme>(this.GetPrimaryKey(), context, _ => Decide(c), WriteAccess.Participation);

    private static Outcome Decide(NamePassCategories c)
    {
        if (c.Categories is not { Length: 2 })
            return Outcome.Refuse(400, "categories", "The 双色卡 scheme has exactly two categories.", "双色卡须设两类通行卡。");
        for (var i = 0; i < 2; i++)
        {
            var x = c.Categories[i];
            if (string.IsNullOrWhiteSpace(x.Code) || !Code().IsMatch(x.Code))
                return Outcome.Refuse(400, $"categories[{i}].code", "code is 1–20 lower-case letters, digits or dashes.", "类别代码须为 1–20 位小写字母、数字或连字符。");
            if (string.IsNullOrWhiteSpace(x.NameZh) || x.NameZh.Length > 20)
                return Outcome.Refuse(400, $"categories[{i}].nameZh", "nameZh is 1–20 characters.", "类别名称须为 1–20 个字。");
            if (x.Colour is null || !Colour().IsMatch(x.Colour))
                return Outcome.Refuse(400, $"categories[{i}].colour", "colour is #rrggbb.", "颜色须为 #rrggbb。");
            if ((x.ForZh ?? "").Length > 60)
                return Outcome.Refuse(400, $"categories[{i}].forZh", "forZh is at most 60 characters.", "适用人员说明不能超过 60 字。");
        }
        if (c.Categories[0].Code == c.Categories[1].Code)
            return Outcome.Refuse(400, "categories[1].code", "The two categories have different codes.", "两类通行卡的代码不能相同。");
        if (string.Equals(c.Categories[0].Colour, c.Categories[1].Colour, StringComparison.OrdinalIgnoreCase))
            return Outcome.Refuse(400, "categories[1].colour", "The two categories have different colours.", "两类通行卡的颜色不能相同。");
        return Outcome.Append(new PassCategoriesNamed([.. c.Categories.Select(x => x with { NameZh = x.NameZh.Trim(), ForZh = (x.ForZh ?? "").Trim(), Colour = x.Colour.ToLowerInvariant() })]));
    }

    [GeneratedRegex("^[a-z0-9-]{1,20}$")]
    private static partial Regex Code();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();
}
