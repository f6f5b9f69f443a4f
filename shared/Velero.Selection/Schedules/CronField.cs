namespace Velero.Selection.Schedules;

/// <summary>One of the five cron fields: its bounds and names, and robfig's reading of a value list into a bit set.</summary>
internal sealed record CronField(string Name, int Min, int Max, string[]? Names)
{
    /// <summary>Every value, marked as written with <c>*</c> (robfig's star bit, which the day rule looks at).</summary>
    public ulong All => Bits(Min, Max, 1) | SpecCronSchedule.StarBit;

    public bool TryParse(string field, out ulong bits, out string message, out string explanation)
    {
        bits = 0;
        message = explanation = "";
        foreach (var range in field.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseRange(range, out var rangeBits, out message, out explanation))
            {
                return false;
            }

            bits |= rangeBits;
        }

        return true;
    }

    private bool TryParseRange(string expr, out ulong bits, out string message, out string explanation)
    {
        bits = 0;
        message = explanation = "";
        var rangeAndStep = expr.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        long start, end, step = 1;
        ulong extra = 0;
        if (lowAndHigh[0] is "*" or "?")
        {
            (start, end, extra) = (Min, Max, SpecCronSchedule.StarBit);
        }
        else
        {
            if (!TryNumber(lowAndHigh[0], out start, out message, out explanation))
            {
                return false;
            }

            end = start;
            if (lowAndHigh.Length == 2 && !TryNumber(lowAndHigh[1], out end, out message, out explanation))
            {
                return false;
            }

            if (lowAndHigh.Length > 2)
            {
                (message, explanation) = ($"too many hyphens: {expr}", $"malformed range \"{rangeAndStep[0]}\"");
                return false;
            }
        }

        if (rangeAndStep.Length == 2)
        {
            if (!TryInteger(rangeAndStep[1], out step, out message))
            {
                explanation = $"the step \"{rangeAndStep[1]}\" must be a positive number";
                return false;
            }

            if (lowAndHigh.Length == 1)
            {
                end = Max;
            }

            if (step > 1)
            {
                extra = 0;
            }
        }
        else if (rangeAndStep.Length > 2)
        {
            (message, explanation) = ($"too many slashes: {expr}", $"too many slashes in \"{expr}\"");
            return false;
        }

        (message, explanation) = true switch
        {
            _ when start < Min => ($"beginning of range ({start}) below minimum ({Min}): {expr}", $"{start} is below the minimum ({Min})"),
            _ when end > Max => ($"end of range ({end}) above maximum ({Max}): {expr}", $"{end} is above the maximum ({Max})"),
            _ when start > end => ($"beginning of range ({start}) beyond end of range ({end}): {expr}",
                $"the range {start}-{end} ends before it begins"),
            _ when step == 0 => ($"step of range should be a positive number: {expr}", $"the step \"{rangeAndStep[1]}\" must be a positive number"),
            _ => ("", ""),
        };
        if (message.Length > 0)
        {
            return false;
        }

        bits = Bits((int)start, (int)end, (int)Math.Min(step, 64)) | extra;
        return true;
    }

    private bool TryNumber(string text, out long value, out string message, out string explanation)
    {
        explanation = "";
        var index = Names is null ? -1 : Array.IndexOf(Names, text.ToLowerInvariant());
        if (index >= 0)
        {
            value = index + Min;
            message = "";
            return true;
        }

        if (TryInteger(text, out value, out message))
        {
            return true;
        }

        explanation = $"\"{text}\" is not a number"
            + (Names is null ? "" : $" or a name ({string.Join(", ", Names.Select(n => n.ToUpperInvariant()))})");
        return false;
    }

    // robfig's mustParseInt: Go's Atoi, then no negative numbers.
    private static bool TryInteger(string text, out long value, out string message)
    {
        message = "";
        if (!GoText.TryAtoi(text, out value, out var problem))
        {
            message = $"failed to parse int from {text}: {problem}";
            return false;
        }

        if (value < 0)
        {
            message = $"negative number ({value}) not allowed: {text}";
            return false;
        }

        return true;
    }

    private static ulong Bits(int min, int max, int step)
    {
        ulong bits = 0;
        for (var i = min; i <= max; i += step)
        {
            bits |= 1UL << i;
        }

        return bits;
    }
}
