using System.ComponentModel.DataAnnotations;

namespace JiuTracker.Web.Pages.Admin.FocalPoints;

/// <summary>A focal point as the forms post it: "Mr." "Anders Norsker" "GS/IS".</summary>
public sealed class FocalPointInput
{
    [StringLength(20, ErrorMessage = "The form of address can have at most 20 characters, such as \"Mr.\" or \"Ms.\".")]
    [Display(Name = "Form of address")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200, ErrorMessage = "The name can have at most 200 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the organizational unit, such as GS/IS.")]
    [StringLength(50, ErrorMessage = "The unit can have at most 50 characters.")]
    public string Unit { get; set; } = "";
}
